using BenchmarkDotNet.Attributes;
using Enforcement.Benchmarks.Conditions;
using Enforcement.Benchmarks.Shared;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Windows;

/// <summary>
/// The per-signal and per-read cost of one account's windows under the shipped pack's account layout, in steady
/// state: the harvester's day is already in, and every attribute value it sends is already tracked.
/// </summary>
public class WindowBenchmarks
{
    // The harvester's pace: one exchange every 12 s, so a new 5-minute bucket every 25 requests and a new hour every 300.
    private static readonly long Step = TimeSpan.FromSeconds(12).Ticks;

    private SubjectWindows windows = null!;
    private Observation[] requests = [];
    private AccountSlots slots;
    private long at;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var pack = DefaultPack.Load();
        var program = pack.For(Scope.Account);
        var day = AccountDay.Harvester(pack.Catalog);
        windows = day.Fill(program.Layout);
        slots = AccountSlots.Find(program, pack.Catalog);
        pack.Catalog.TryGetSignal("request", out var request, out _);
        // A power of two of the day's own request observations, replayed with fresh times: the same templates,
        // addresses and devices in the same proportions.
        requests = [.. day.Observations.Where(o => o.Signal == request).Take(256)];
        at = AccountDay.Now;
    }

    /// <summary>One request, 12 s after the previous one: its rings (5 min and 1 h) and the prompt-template tracker.</summary>
    [Benchmark]
    public void Add_request()
    {
        at += Step;
        var observation = requests[next++ & (requests.Length - 1)] with { At = at };
        windows.Add(in observation);
    }

    /// <summary>The typical read: a 1-day count, 24 one-hour buckets.</summary>
    [Benchmark]
    public double Read_count_request_1d() => windows.Read(slots.CountRequest1d, AccountDay.Now);

    /// <summary>An average over an hour: 12 five-minute buckets, two columns.</summary>
    [Benchmark]
    public double Read_avg_cot_1h() => windows.Read(slots.AvgCot1h, AccountDay.Now);

    /// <summary>A distinct count: the tracker's last-seen ring, 24 buckets.</summary>
    [Benchmark]
    public double Read_distinct_template_1d() => windows.Read(slots.DistinctTemplate1d, AccountDay.Now);
}
