namespace Enforcement.Host.Tests;

/// <summary>
/// The tests' policy pack: the shipped catalog and one policy that climbs fast, so that a handful of signals make
/// decisions: three requests within 10 minutes throttle, the next burst a minute later challenges, the next suspends.
/// </summary>
public static class TestPack
{
    public const string PolicyId = "test.burst";

    public const string Burst = """
        apiVersion: enforcement/v1
        kind: Policy
        id: test.burst
        version: 1
        title: Bursts of requests
        owner: tests
        severity: high
        scope: account
        mode: enforce
        when: count(request, 10m) >= 3
        ladder:
          - throttle: { rpm: 20, for: 6h }
          - challenge: { kind: identity }
          - suspend: { for: 30d }
        cooldown: 1m
        decay: 14d
        """;

    public const string EscalateId = "test.escalate";

    /// <summary>A region mismatch escalates to reviewers without touching access.</summary>
    public const string Escalate = """
        apiVersion: enforcement/v1
        kind: Policy
        id: test.escalate
        version: 1
        title: Egress region differs from billing
        owner: tests
        severity: medium
        scope: account
        mode: enforce
        when: count(region_mismatch, 1h) >= 1
        ladder:
          - escalate: { queue: test-escalations, priority: high }
        cooldown: 1h
        decay: 14d
        """;

    /// <summary>The burst policy with a mistake on line 10, column 7: an aggregate over a signal the catalog lacks.</summary>
    public const string BrokenBurst = """
        apiVersion: enforcement/v1
        kind: Policy
        id: test.burst
        version: 2
        title: Bursts of requests
        owner: tests
        severity: high
        scope: account
        mode: enforce
        when: count(requests, 10m) >= 3
        ladder:
          - throttle: { rpm: 20, for: 6h }
        cooldown: 1m
        decay: 14d
        """;

    public static IReadOnlyDictionary<string, string> Files => new Dictionary<string, string>
    {
        ["signals.yaml"] = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "signals.yaml")),
        ["burst.yaml"] = Burst,
        ["escalate.yaml"] = Escalate,
    };

    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Files)
            File.WriteAllText(Path.Combine(folder, name), text);
    }
}
