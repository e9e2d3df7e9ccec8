using System.Collections.Immutable;
using System.Diagnostics;
using Enforcement.Store.Audit;
using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite;

namespace Enforcement.LoadDriver;

/// <summary>Hash-chained audit records appended durably per second, through the store's group commit.</summary>
public static class AuditAppend
{
    public static async Task<double> RunAsync(int subjects, int recordsPerCommit, int committers, TimeSpan duration)
    {
        await using var temp = await TempStore.OpenAsync("audit", SqliteSynchronous.Full);
        var store = temp.Store;
        var appended = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, committers).Select(c => Task.Run(async () =>
        {
            // Each committer owns its subjects, as a grain owns its chain.
            var tails = new Dictionary<string, AuditRecord?>();
            var journal = new Dictionary<string, long>();
            for (var n = 0; stopwatch.Elapsed < duration; n++)
            {
                var subject = $"account:audit-{c}-{n % (subjects / committers)}";
                var tail = tails.GetValueOrDefault(subject);
                var records = ImmutableArray.CreateBuilder<AuditRecord>(recordsPerCommit);
                for (var r = 0; r < recordsPerCommit; r++)
                {
                    tail = AuditChain.Append(tail, EntryOf(subject, (tail?.Seq ?? 0) + 1));
                    records.Add(tail);
                }
                var seq = journal[subject] = journal.GetValueOrDefault(subject) + 1;
                var result = await store.CommitAsync(new Commit(new JournalEntry(subject, seq, JournalKind.Advance, [1]), [], records.MoveToImmutable(), [], null));
                if (!result.Durable)
                    throw new InvalidOperationException($"commit refused for {subject}");
                tails[subject] = tail;
                Interlocked.Add(ref appended, recordsPerCommit);
            }
        })));
        return appended / stopwatch.Elapsed.TotalSeconds;
    }

    private static AuditEntry EntryOf(string subject, long seq)
    {
        var at = new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.Zero).AddSeconds(seq);
        return new AuditEntry(
            $"d-{seq:x16}", subject, seq, at, new PolicyRef("distillation.cot-elicitation", 3, new string('a', 64)),
            "climb", "throttle", "rung 0", "rung 1", at, at.AddHours(6),
            "count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 => true with count(request, 1h) = 412, avg(cot_elicitation, 1h) = 0.93",
            new Evidence(ImmutableSortedDictionary<string, double>.Empty.Add("count(request, 1h)", 412).Add("avg(cot_elicitation, 1h)", 0.93), ["s-1", "s-2", "s-3"]),
            false, "system", null);
    }
}
