using BenchmarkDotNet.Running;
using Enforcement.Benchmarks;
using Enforcement.Benchmarks.Memory;

// `memory` prints the per-subject memory report; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["memory"])
{
    MemoryReport.Print(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Ci);
return 0;
