using Enforcement.Policy.Loading;

namespace Enforcement.Policy.Tests;

/// <summary>Compiles small policy sets written inline in tests, over the shipped catalog.</summary>
public static class PolicySets
{
    public static string Catalog { get; } = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "signals.yaml"));

    public static PolicySetResult Compile(params string[] policies) =>
        PolicySetCompiler.Compile(
        [
            new PolicySource("signals.yaml", Catalog),
            .. policies.Select((text, i) => new PolicySource($"p{i}.yaml", text)),
        ]);

    public static PolicySet Accepted(params string[] policies)
    {
        var result = Compile(policies);
        Assert.True(result.Accepted, string.Join("\n", result.Errors));
        return result.Set!;
    }

    /// <summary>A policy with the given condition, scope, ladder and mode; the rest as in the design example.</summary>
    public static string Policy(
        string when,
        string scope = "account",
        string ladder = "  - throttle: { rpm: 20, for: 6h }\n  - suspend: { for: 30d }\n",
        string mode = "enforce",
        string id = "test.policy",
        string cooldown = "1h",
        string decay = "14d") => $"""
        apiVersion: enforcement/v1
        kind: Policy
        id: {id}
        version: 1
        title: Test policy
        owner: tests
        severity: high
        scope: {scope}
        mode: {mode}
        when: {when}
        ladder:
        {ladder}cooldown: {cooldown}
        decay: {decay}

        """;
}
