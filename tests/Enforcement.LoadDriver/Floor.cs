using System.Collections.Immutable;
using System.Diagnostics;
using Enforcement.Runtime.Accounts;
using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite;

namespace Enforcement.LoadDriver;

/// <summary>
/// What the parts every simulated signal passes through cost on this machine with nothing decided: a grain call, and
/// a commit shaped like an account's ingest through the store's group commit. Both come in waves, as a simulated
/// minute's calls do. With the simulator's own count of calls and writes per signal (printed by
/// <c>enforce simulate</c>), they bound its throughput from above.
/// </summary>
public static class Floor
{
    /// <summary>Round trips per second of an empty read on active account grains, <paramref name="wave"/> at a time.</summary>
    public static async Task<double> GrainCallsAsync(IGrainFactory grains, int accounts, int wave, TimeSpan duration)
    {
        var targets = Enumerable.Range(0, accounts).Select(a => grains.GetGrain<IAccountGrain>($"floor-{a}")).ToArray();
        await Task.WhenAll(targets.Select(t => t.GetEnforcement()));
        var calls = 0L;
        var stopwatch = Stopwatch.StartNew();
        for (var next = 0; stopwatch.Elapsed < duration; next += wave)
        {
            await Task.WhenAll(Enumerable.Range(next, wave).Select(i => targets[i % accounts].GetEnforcement()));
            calls += wave;
        }
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Commits per second of what an account's ingest of a few signals writes (a journal entry of
    /// <paramref name="payloadBytes"/> and a receipt a signal; with no signals, an entity's absorb),
    /// <paramref name="wave"/> committers at a time, with the simulator's durability (<c>synchronous=NORMAL</c>), until <paramref name="total"/> commits are in. The rate falls
    /// as the file grows (receipts and journals are keyed at random places), so the answer is the rate over the last
    /// tenth as well as over all.
    /// </summary>
    public static async Task<(double Last, double All)> CommitsAsync(int accounts, int signalsPerCommit, int payloadBytes, int wave, int total)
    {
        await using var temp = await TempStore.OpenAsync("floor", SqliteSynchronous.Normal);
        var store = temp.Store;
        var seqs = new long[accounts];
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        var lastTenth = total - total / 10;
        var lastStarted = TimeSpan.Zero;
        var stopwatch = Stopwatch.StartNew();
        for (var next = 0; next < total; next += wave)
        {
            if (next >= lastTenth && lastStarted == TimeSpan.Zero)
                lastStarted = stopwatch.Elapsed;
            var results = await Task.WhenAll(Enumerable.Range(next, wave).Select(i =>
            {
                var account = i % accounts;
                var seq = ++seqs[account];
                var receipts = Enumerable.Range(0, signalsPerCommit)
                    .Select(s => new SignalReceipt($"floor-{account}-{seq}-{s}", $"floor-{account}", payload[..16], seq))
                    .ToImmutableArray();
                return store.CommitAsync(new Commit(new JournalEntry($"account:floor-{account}", seq, JournalKind.Signals, payload), receipts, [], [], null));
            }));
            if (results.Any(r => !r.Durable))
                throw new InvalidOperationException("a floor commit was refused");
        }
        var elapsed = stopwatch.Elapsed;
        return ((total - lastTenth) / (elapsed - lastStarted).TotalSeconds, total / elapsed.TotalSeconds);
    }
}
