using System.Diagnostics;
using Enforcement.Runtime.Accounts;

namespace Enforcement.LoadDriver;

/// <summary>The gateway's hot path under concurrent load: enforcement reads, in process and over HTTP.</summary>
public static class StateChecks
{
    /// <summary>Closed loop: <paramref name="workers"/> callers each asking as fast as answers come.</summary>
    public static async Task<(double PerSecond, double P50, double P99)> InProcessAsync(SiloEnforcementStates states, int accounts, int workers, TimeSpan duration)
    {
        var latencies = new Latencies();
        var counts = new long[workers];
        var ids = Enumerable.Range(0, accounts).Select(Workload.AccountId).ToArray();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var recorder = latencies.NewRecorder(20_000_000 / workers);
            var random = new Random(w);
            for (var begin = Stopwatch.GetTimestamp(); begin < end; )
            {
                await states.ReadAsync(ids[random.Next(ids.Length)]);
                var done = Stopwatch.GetTimestamp();
                recorder.Add(done - begin);
                begin = done;
            }
            counts[w] = recorder.Count;
        })));
        var (p50, p99, _, total) = latencies.Summarize(i => counts[i]);
        return (total / stopwatch.Elapsed.TotalSeconds, p50, p99);
    }

    /// <summary>
    /// Open loop over HTTP: requests are sent on a schedule of <paramref name="rate"/> per second whatever the answers.
    /// Each latency counts from the moment the request was sent; a request sent late because the driver's own timer
    /// fired late (the driver shares the two cores) is not charged to the service.
    /// </summary>
    public static async Task<(double PerSecond, double P50, double P99)> OverHttpAsync(HttpClient client, int accounts, int rate, TimeSpan duration)
    {
        const int workers = 16;
        var paths = Enumerable.Range(0, accounts).Select(a => $"/v1/accounts/{Workload.AccountId(a)}/enforcement").ToArray();
        var latencies = new Latencies();
        var counts = new long[workers];
        var interval = TimeSpan.FromSeconds((double)workers / rate);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var recorder = latencies.NewRecorder((int)(duration / interval) + 1);
            var random = new Random(w);
            var offset = interval * w / workers;
            for (var k = 0; ; k++)
            {
                var due = offset + interval * k;
                if (due >= duration)
                    break;
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1))
                    await Task.Delay(wait);
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(paths[random.Next(paths.Length)], HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                recorder.Add(Stopwatch.GetTimestamp() - sent);
            }
            counts[w] = recorder.Count;
        })));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var (p50, p99, _, total) = latencies.Summarize(i => counts[i]);
        return (total / elapsed.TotalSeconds, p50, p99);
    }
}
