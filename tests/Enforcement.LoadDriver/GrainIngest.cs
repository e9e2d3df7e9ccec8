using System.Collections.Immutable;
using System.Diagnostics;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Signals;

namespace Enforcement.LoadDriver;

/// <summary>Signals per second through the account grains in process: batches split by account as the API does, durability on.</summary>
public static class GrainIngest
{
    public static async Task<double> RunAsync(IGrainFactory grains, Workload workload, int firstBatch, int batches, int batchSize, int inFlight)
    {
        var gate = new SemaphoreSlim(inFlight);
        var stopwatch = Stopwatch.StartNew();
        var tasks = new List<Task>(batches);
        for (var b = firstBatch; b < firstBatch + batches; b++)
        {
            await gate.WaitAsync();
            var batch = workload.Batch(b, batchSize);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await SendAsync(grains, batch);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return (double)batches * batchSize / stopwatch.Elapsed.TotalSeconds;
    }

    public static async Task SendAsync(IGrainFactory grains, SignalInput[] batch)
    {
        var results = await Task.WhenAll(batch
            .GroupBy(s => s.Account, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IAccountGrain>(g.Key).Ingest([.. g])));
        var rejected = results.Sum(r => r.Rejected.Length);
        if (rejected != 0)
            throw new InvalidOperationException($"{rejected} signals rejected: {results.SelectMany(r => r.Rejected).First().Reason}");
    }
}
