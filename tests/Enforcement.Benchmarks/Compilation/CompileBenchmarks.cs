using BenchmarkDotNet.Attributes;
using Enforcement.Policy;
using Enforcement.Policy.Checking;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Compilation;
using Enforcement.Policy.Loading;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Compilation;

/// <summary>
/// Accepting a set of 1,000 generated policies: the whole of <see cref="PolicySetCompiler.Compile"/>, then its
/// stages one by one (each from the previous stage's output, prepared in setup) to show where the time goes.
/// </summary>
public class CompileBenchmarks
{
    public const int Policies = 1000;

    private PolicySource[] sources = [];
    private LoadResult loaded = null!;
    private SetCheck check = null!;

    [GlobalSetup]
    public void Setup()
    {
        sources = GeneratedPack.Create(Policies);
        var result = PolicySetCompiler.Compile(sources, promote: false);
        if (result.Set is not { } set)
            throw new InvalidOperationException($"the generated set was rejected:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors.Take(20))}");
        if (set.Policies.Count() != Policies)
            throw new InvalidOperationException($"the generated set holds {set.Policies.Count()} policies, not {Policies}");
        var scopes = set.Policies.GroupBy(p => p.Definition.Scope).Select(g => $"{g.Key.Name()} {g.Count()}");
        var slots = Enum.GetValues<Scope>().Sum(scope => set.For(scope).Layout.SlotCount);
        Console.WriteLine($"// generated: {Policies} policies ({string.Join(", ", scopes)}), {slots} window slots, {sources.Sum(s => s.Text.Length):N0} characters of YAML");
        loaded = PolicyLoader.Load(sources);
        check = PolicySetChecker.Check(loaded.Catalog!, loaded.Policies);
        firstTier = [.. set.Policies.Select(p => p.Condition)];
    }

    private CompiledCondition[] firstTier = [];

    /// <summary>YAML to an accepted <see cref="PolicySet"/>, ready to evaluate on its first tier: load, check, compile, hash.</summary>
    [Benchmark(Baseline = true)]
    public PolicySetResult Compile() => PolicySetCompiler.Compile(sources, promote: false);

    /// <summary>The second tier, which an accepted set compiles in the background: every condition as an expression tree.</summary>
    [Benchmark]
    public int PromoteInBackground()
    {
        var compiled = 0;
        foreach (var condition in firstTier)
            compiled += ExpressionCompiler.Compile(condition.Source, condition.Slots) is null ? 0 : 1;
        return compiled;
    }

    /// <summary>YAML parsing, schema and value validation, into definitions.</summary>
    [Benchmark]
    public LoadResult Load() => PolicyLoader.Load(sources);

    /// <summary>The set passes: parse and type-check every condition, check ladders and tests.</summary>
    [Benchmark]
    public SetCheck Check() => PolicySetChecker.Check(loaded.Catalog!, loaded.Policies);

    /// <summary>Checked conditions to first-tier closures and each scope's window layout: the compiler's last stage.</summary>
    [Benchmark]
    public int CompileConditions() =>
        Enum.GetValues<Scope>().Sum(scope => PolicySetCompiler.CompileScope(check, scope).Layout.SlotCount);
}
