using System.Collections.Immutable;
using Enforcement.Store.Audit;
using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Enforcement.Host.Tests.Cli;

/// <summary>
/// A database file in a temp folder written through the store's commits: account:a-1 of 5 records, account:a-2 of 3,
/// payment:9f3a of 4, and a digest of all of them saved in it. Tests then edit it with plain SQL, store closed.
/// </summary>
public sealed class AuditDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly string folder = Directory.CreateTempSubdirectory("enforce-audit-").FullName;

    public string Path => File("enforcement.db");

    public AuditDigest Digest { get; private set; } = null!;

    public string File(string name) => System.IO.Path.Combine(folder, name);

    public async Task InitializeAsync()
    {
        await using var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Path });
        foreach (var (subject, length) in new[] { ("account:a-1", 5), ("account:a-2", 3), ("payment:9f3a", 4) })
        {
            AuditRecord? tail = null;
            for (var seq = 1; seq <= length; seq++)
            {
                tail = AuditChain.Append(tail, Entry(subject, seq));
                var result = await store.CommitAsync(new Commit(new JournalEntry(subject, seq, JournalKind.Advance, [1]), [], [tail], [], null));
                Assert.True(result.Durable);
            }
        }
        Digest = await store.SaveDigestAsync(await AuditDigests.ComputeAsync(store, Start.AddHours(12), CancellationToken.None));
    }

    public Task DisposeAsync()
    {
        TestMachine.DeleteFolder(folder);
        return Task.CompletedTask;
    }

    /// <summary>Runs a statement on the closed file and returns the rows it changed.</summary>
    public int Sql(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public string Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static AuditEntry Entry(string subject, long seq) => new(
        Decision: $"{subject}#{seq}",
        Subject: subject,
        Seq: seq,
        At: Start.AddMinutes(seq),
        Policy: new PolicyRef("cot.volume", 3, "9f3a"),
        Kind: "climb",
        Action: "throttle",
        From: $"rung {seq - 1}",
        To: $"rung {seq}",
        EffectiveAt: Start.AddMinutes(seq),
        Until: null,
        Explanation: "count(request, 1h) >= 100",
        Evidence: new Evidence(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("count(request, 1h)", 100.0 + seq)]), [$"s-{seq}"]),
        Shadow: false,
        Actor: "system",
        Inherited: null);
}
