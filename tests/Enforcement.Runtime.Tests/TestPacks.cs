using System.Collections.Immutable;
using Enforcement.Policy;
using Enforcement.Policy.Loading;

namespace Enforcement.Runtime.Tests;

/// <summary>Small policy sets whose ladders a test climbs with a handful of signals.</summary>
public static class TestPacks
{
    public static string Catalog => File.ReadAllText(Path.Combine(RepositoryRoot, "policies", "signals.yaml"));

    /// <summary>Three requests within an hour: throttle for 6h, then a challenge, then a suspension; cooldown 1m.</summary>
    public static ImmutableSortedDictionary<string, string> Burst(int threshold = 3, int version = 1) => Files(("burst.yaml", $$"""
        apiVersion: enforcement/v1
        kind: Policy
        id: test.burst
        version: {{version}}
        title: Bursts of requests
        owner: tests
        severity: high
        scope: account
        mode: enforce
        when: count(request, 1h) >= {{threshold}}
        ladder:
          - throttle: { rpm: 20, for: 6h }
          - challenge: { kind: identity }
          - suspend: { for: 30d }
        cooldown: 1m
        decay: 14d
        """));

    public static ImmutableSortedDictionary<string, string> Files(params (string Name, string Text)[] policies)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        files["signals.yaml"] = Catalog;
        foreach (var (name, text) in policies)
            files[name] = text;
        return files.ToImmutable();
    }

    public static PolicySet Compile(ImmutableSortedDictionary<string, string> files)
    {
        var result = PolicySetCompiler.Compile(files.Select(f => new PolicySource(f.Key, f.Value)));
        return result.Set ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enforcement.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Enforcement.sln above {AppContext.BaseDirectory}.");
    }
}
