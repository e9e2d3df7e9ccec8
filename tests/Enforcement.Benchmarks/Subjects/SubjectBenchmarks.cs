using BenchmarkDotNet.Attributes;
using Enforcement.Benchmarks.Shared;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Subjects;

/// <summary>
/// What an account's grain pays per signal, all together: <see cref="Subject.Observe"/> adds the observation to the
/// windows, evaluates every account policy and runs every ladder. Context for the window and condition figures, on
/// the common case: an ordinary account on which nothing fires.
/// </summary>
public class SubjectBenchmarks
{
    // The ordinary account's pace.
    private static readonly long Step = TimeSpan.FromSeconds(45).Ticks;

    private Subject subject = null!;
    private Observation[] requests = [];
    private long at;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var pack = DefaultPack.Load();
        var day = AccountDay.Ordinary(pack.Catalog);
        subject = new Subject($"account:{day.Account}", pack.For(Scope.Account)) { Account = day.Facts };
        foreach (var observation in day.Observations)
            subject.Observe(observation);
        pack.Catalog.TryGetSignal("request", out var request, out _);
        requests = [.. day.Observations.Where(o => o.Signal == request).Take(256)];
        at = AccountDay.Now;
    }

    /// <summary>One request on an account where no condition holds: windows, five conditions, five ladders.</summary>
    [Benchmark]
    public int Observe_request()
    {
        at += Step;
        var observation = requests[next++ & (requests.Length - 1)] with { At = at };
        return subject.Observe(in observation).Count;
    }
}
