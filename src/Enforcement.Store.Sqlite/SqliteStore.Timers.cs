using System.Collections.Immutable;
using Enforcement.Store.Timers;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    public Task<ImmutableArray<DueTimer>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // The index on due holds the subject too (the table's key), so ties come out in subject order without a sort.
        return readers.ListAsync(
            "SELECT subject, due FROM timers WHERE due <= $now ORDER BY due, subject LIMIT $limit",
            p =>
            {
                p.Add("$now", SqliteType.Integer).Value = StoredTime.ToTicks(now);
                p.Add("$limit", SqliteType.Integer).Value = limit;
            },
            row => new DueTimer(row.GetString(0), StoredTime.FromTicks(row.GetInt64(1))),
            cancellationToken);
    }
}
