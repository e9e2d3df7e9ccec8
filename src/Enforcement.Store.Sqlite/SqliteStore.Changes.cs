using System.Collections.Immutable;
using Enforcement.Store.Changes;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    public Task<ImmutableArray<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return readers.ListAsync(
            "SELECT cursor, account, version, state, at, body FROM changes WHERE cursor > $after ORDER BY cursor LIMIT $limit",
            p =>
            {
                p.Add("$after", SqliteType.Integer).Value = after;
                p.Add("$limit", SqliteType.Integer).Value = limit;
            },
            row => new StoredChange(
                row.GetInt64(0),
                new EnforcementChange(row.GetString(1), row.GetInt64(2), row.GetString(3), StoredTime.FromText(row.GetString(4)), row.GetString(5))),
            cancellationToken);
    }
}
