using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Store.Cases;
using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    public Task<bool> OpenCaseAsync(StoredCase opened, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opened);
        return writer.Enqueue(new PendingWrite<bool>(commands => CaseRows.Insert(commands, opened), cancellationToken));
    }

    public Task<StoredCase?> ReadCaseAsync(string id, CancellationToken cancellationToken = default) =>
        readers.FirstOrDefaultAsync(
            $"SELECT {CaseRows.Columns} FROM cases WHERE id = $id",
            p => p.Add("$id", SqliteType.Text).Value = id,
            CaseRows.Read,
            cancellationToken);

    public Task<bool> ReplaceCaseAsync(StoredCase replacement, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return writer.Enqueue(new PendingWrite<bool>(commands => CaseRows.Replace(commands, replacement, expectedVersion), cancellationToken));
    }

    public Task<ImmutableArray<StoredCase>> ListCasesAsync(CaseQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statuses = JsonSerializer.Serialize(query.Statuses, StoredJson.Options);
        // Overdue first: a deadline passed on a case nobody has decided is the queue's most pressing work.
        const string overdue = "(status IN ('open', 'claimed', 'awaiting-confirmation') AND deadline <= $now)";
        var after = query.After;
        return readers.ListAsync(
            $"SELECT {CaseRows.Columns} FROM cases "
            + "WHERE ($queue IS NULL OR queue = $queue) AND ($account IS NULL OR account = $account) AND ($subject IS NULL OR subject = $subject) "
            + "AND ($any OR status IN (SELECT value FROM json_each($statuses))) "
            + $"AND (NOT $paged OR (-{overdue}, -urgency, deadline, id) > (-$overdue, -$urgency, $deadline, $id)) "
            + $"ORDER BY {overdue} DESC, urgency DESC, deadline, id LIMIT $limit",
            p =>
            {
                p.Add("$queue", SqliteType.Text).Value = (object?)query.Queue ?? DBNull.Value;
                p.Add("$account", SqliteType.Text).Value = (object?)query.Account ?? DBNull.Value;
                p.Add("$subject", SqliteType.Text).Value = (object?)query.Subject ?? DBNull.Value;
                p.Add("$any", SqliteType.Integer).Value = query.Statuses.Count == 0;
                p.Add("$statuses", SqliteType.Text).Value = statuses;
                p.Add("$now", SqliteType.Integer).Value = StoredTime.ToTicks(now);
                p.Add("$limit", SqliteType.Integer).Value = query.Limit;
                p.Add("$paged", SqliteType.Integer).Value = after is not null;
                p.Add("$overdue", SqliteType.Integer).Value = after?.Overdue ?? false;
                p.Add("$urgency", SqliteType.Integer).Value = after?.Urgency ?? 0;
                p.Add("$deadline", SqliteType.Integer).Value = after is null ? 0 : StoredTime.ToTicks(after.Deadline);
                p.Add("$id", SqliteType.Text).Value = after?.Id ?? "";
            },
            CaseRows.Read,
            cancellationToken);
    }

    public Task<ImmutableArray<string>> ReadDueCasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        readers.ListAsync(
            "SELECT id FROM cases WHERE due IS NOT NULL AND due <= $now ORDER BY due, id LIMIT $limit",
            p =>
            {
                p.Add("$now", SqliteType.Integer).Value = StoredTime.ToTicks(now);
                p.Add("$limit", SqliteType.Integer).Value = limit;
            },
            row => row.GetString(0),
            cancellationToken);

    public async Task<ImmutableArray<PolicyCaseCounts>> CountCasesByPolicyAsync(CancellationToken cancellationToken = default)
    {
        // Climbs are read from the audit bodies themselves: the log is the record of what each policy decided.
        var decided = await readers.ListAsync(
            "SELECT json_extract(body, '$.policy.id'), COUNT(*) FROM audit WHERE json_extract(body, '$.kind') = 'climb' GROUP BY 1",
            _ => { },
            row => (Policy: row.IsDBNull(0) ? "" : row.GetString(0), Count: row.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
        var reviewed = await readers.ListAsync(
            "SELECT p.policy, SUM(c.kind = 'appeal'), SUM(c.status = 'overturned'), SUM(c.status = 'upheld') "
            + "FROM case_policies p JOIN cases c ON c.id = p.case_id GROUP BY p.policy",
            _ => { },
            row => (Policy: row.GetString(0), Appealed: row.GetInt64(1), Overturned: row.GetInt64(2), Upheld: row.GetInt64(3)),
            cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, PolicyCaseCounts>(StringComparer.Ordinal);
        foreach (var (policy, count) in decided)
        {
            if (policy.Length > 0)
            {
                counts[policy] = new PolicyCaseCounts(policy, count, 0, 0, 0);
            }
        }

        foreach (var (policy, appealed, overturned, upheld) in reviewed)
        {
            var known = counts.GetValueOrDefault(policy) ?? new PolicyCaseCounts(policy, 0, 0, 0, 0);
            counts[policy] = known with { Appealed = appealed, Overturned = overturned, Upheld = upheld };
        }

        return [.. counts.Values];
    }
}
