using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Store.PolicySets;
using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string PolicySetColumns = "version, hash, files, actor, at";

    public Task<StoredPolicySet?> ReadActivePolicySetAsync(CancellationToken cancellationToken = default) =>
        readers.FirstOrDefaultAsync(
            $"SELECT {PolicySetColumns} FROM policy_sets ORDER BY version DESC LIMIT 1",
            _ => { },
            ReadPolicySet,
            cancellationToken);

    public Task<StoredPolicySet?> ReadPolicySetAsync(long version, CancellationToken cancellationToken = default) =>
        readers.FirstOrDefaultAsync(
            $"SELECT {PolicySetColumns} FROM policy_sets WHERE version = $version",
            p => p.Add("$version", SqliteType.Integer).Value = version,
            ReadPolicySet,
            cancellationToken);

    public Task<StoredPolicySet> SavePolicySetAsync(
        ImmutableSortedDictionary<string, string> files,
        string hash,
        string actor,
        DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(actor);
        var json = JsonSerializer.Serialize(files, StoredJson.Options);
        return writer.Enqueue(new PendingWrite<StoredPolicySet>(
            commands =>
            {
                using var command = commands.CreateCommand(
                    "INSERT INTO policy_sets(hash, files, actor, at) VALUES ($hash, $files, $actor, $at) RETURNING version");
                command.Parameters.Add("$hash", SqliteType.Text).Value = hash;
                command.Parameters.Add("$files", SqliteType.Text).Value = json;
                command.Parameters.Add("$actor", SqliteType.Text).Value = actor;
                command.Parameters.Add("$at", SqliteType.Text).Value = StoredTime.ToText(at);
                return new StoredPolicySet((long)command.ExecuteScalar()!, files, hash, actor, at);
            },
            cancellationToken));
    }

    private static StoredPolicySet ReadPolicySet(SqliteDataReader row)
    {
        var files = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(2), StoredJson.Options)!;
        return new StoredPolicySet(
            row.GetInt64(0),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, files),
            row.GetString(1),
            row.GetString(3),
            StoredTime.FromText(row.GetString(4)));
    }
}
