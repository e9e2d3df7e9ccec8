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
        var result = PolicySetCompiler.Compile(sources);
        if (result.Set is not { } set)
            throw new InvalidOperationException($"the generated set was rejected:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors.Take(20))}");
        if (set.Policies.Count() != Policies)
            throw new InvalidOperationException($"the generated set holds {set.Policies.Count()} policies, not {Policies}");
        var scopes = set.Policies.GroupBy(p => p.Definition.Scope).Select(g => $"{g.Key.Name()} {g.Count()}");
        var slots = Enum.GetValues<Scope>().Sum(scope => set.For(scope).Layout.SlotCount);
        Console.WriteLine($"// generated: {Policies} policies ({string.Join(", ", scopes)}), {slots} window slots, {sources.Sum(s => s.Text.Length):N0} characters of YAML");
        loaded = PolicyLoader.Load(sources);
        check = PolicySetChecker.Check(loaded.Catalog!, loaded.Policies);
    }

    /// <summary>YAML to an accepted <see cref="PolicySet"/>: load, check, compile, hash.</summary>
    [Benchmark(Baseline = true)]
    public PolicySetResult Compile() => PolicySetCompiler.Compile(sources);

    /// <summary>YAML parsing, schema and value validation, into definitions.</summary>
    [Benchmark]
    public LoadResult Load() => PolicyLoader.Load(sources);

    /// <summary>The set passes: parse and type-check every condition, check ladders and tests.</summary>
    [Benchmark]
    public SetCheck Check() => PolicySetChecker.Check(loaded.Catalog!, loaded.Policies);

    /// <summary>
    /// Checked conditions to closures and each scope's window layout, as <see cref="PolicySetCompiler"/> does it per
    /// scope (its own method is private; this is the same few calls).
    /// </summary>
    [Benchmark]
    public int CompileConditions()
    {
        var slots = 0;
        foreach (var scope in Enum.GetValues<Scope>())
        {
            var layout = new WindowLayoutBuilder(check.Catalog);
            var compiler = new ConditionCompiler(layout);
            foreach (var policy in check.Policies)
            {
                if (policy.Scope == scope)
                    compiler.Compile(check.Conditions[policy]);
            }
            slots += layout.Build().SlotCount;
        }
        return slots;
    }
}
