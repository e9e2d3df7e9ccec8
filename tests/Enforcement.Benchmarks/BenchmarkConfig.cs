using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Enforcement.Benchmarks;

/// <summary>
/// Short enough for CI on a two-core runner: one launch, ten warm-up and ten measured iterations of a quarter second
/// per case, with allocations per operation and the median reported for every benchmark.
/// </summary>
/// <remarks>
/// Three warm-up iterations (BenchmarkDotNet's ShortRun) are too few here: window reads go through tiered compilation
/// and dynamic PGO, and with three the measured iterations still caught recompilations, so that the same case moved by
/// up to 40% from run to run. Ten settle it to within a few percent; shorter iterations pay for them.
/// </remarks>
internal static class BenchmarkConfig
{
    public static IConfig Ci { get; } = DefaultConfig.Instance
        .AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(10)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("CI"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        // A noisy neighbour on a shared runner shows as a mean well above the median.
        .AddColumn(StatisticColumn.Median);
}
