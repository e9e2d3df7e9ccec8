using BenchmarkDotNet.Attributes;
using Enforcement.Benchmarks.Shared;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Compilation;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// Every account-scoped condition of the shipped pack, evaluated once per operation three ways on the same subject
/// state: compiled closures, the same conditions by hand (the floor), and Microsoft RulesEngine; plus the hand-written
/// conditions sharing reads across terms and the bare window reads, to show how much of every figure is reading.
/// </summary>
public class ConditionsBenchmarks
{
    private CompiledCondition[] compiled = [];
    private HandWrittenConditions handWritten = null!;
    private RulesEngineConditions rulesEngine = null!;
    private EvaluationScope scope = null!;
    private int[] reads = [];

    [Params(SubjectState.Harvester, SubjectState.Ordinary)]
    public SubjectState State { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pack = DefaultPack.Load();
        var program = pack.For(Scope.Account);
        compiled = [.. program.Policies.Select(p => p.Condition)];
        handWritten = new HandWrittenConditions(program, pack.Catalog);
        rulesEngine = new RulesEngineConditions(program, pack.Catalog);

        var (states, outcomes) = ThreeWayCheck.Run(program, pack.Catalog, handWritten, rulesEngine);
        Console.WriteLine($"// three-way check: compiled, hand-written (direct and memoized) and RulesEngine agree on {states} subject states ({outcomes} distinct outcomes)");

        var day = State == SubjectState.Harvester ? AccountDay.Harvester(pack.Catalog) : AccountDay.Ordinary(pack.Catalog);
        scope = new EvaluationScope(day.Fill(program.Layout)) { Account = day.Facts, Now = AccountDay.Now };
        reads = handWritten.ReadSequence(scope);
        Console.WriteLine($"// {State}: an evaluation reads {reads.Length} slots ({reads.Distinct().Count()} distinct)");
    }

    [Benchmark]
    public int Compiled()
    {
        var holds = 0;
        for (var i = 0; i < compiled.Length; i++)
        {
            if (compiled[i].Evaluate(scope))
                holds |= 1 << i;
        }
        return holds;
    }

    [Benchmark(Baseline = true)]
    public int HandWritten() => handWritten.Evaluate(scope);

    /// <summary>Hand-written, each slot read at most once per evaluation: what a read cache would bring.</summary>
    [Benchmark]
    public int HandWrittenMemoized() => handWritten.EvaluateMemoized(scope);

    /// <summary>Only the window reads of <see cref="Compiled"/> and <see cref="HandWritten"/>, the same slots in the same order.</summary>
    [Benchmark]
    public double ReadsOnly()
    {
        var (windows, now) = (scope.Windows, scope.Now);
        var sum = 0.0;
        foreach (var slot in reads)
            sum += windows.Read(slot, now);
        return sum;
    }

    [Benchmark]
    public ValueTask<int> RulesEngine() => rulesEngine.EvaluateAsync(scope);

    /// <summary>Only the input <see cref="RulesEngine"/> is given: each aggregate its rules read, read once.</summary>
    [Benchmark]
    public AccountAggregates RulesEngineInput() => rulesEngine.Input(scope);
}
