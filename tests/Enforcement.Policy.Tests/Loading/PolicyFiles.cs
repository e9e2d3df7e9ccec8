using Enforcement.Policy.Loading;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>Small valid files to load, and a loader call that answers in the <c>file:line:col: message</c> form authors see.</summary>
internal static class PolicyFiles
{
    public const string SignalsFile = """
        apiVersion: enforcement/v1
        kind: SignalCatalog
        signals:
          - name: request
            kind: count
            attrs: [ip_prefix, proxy, device, prompt_template, model]
          - name: cot_elicitation
            kind: score
          - name: capability
            kind: category
            values: [chat, reasoning, coding, tool_use, vision, other]
          - name: payment
            kind: flag
            attrs: [payment]

        """;

    /// <summary>The DESIGN example: <c>id</c> is on line 3, <c>severity</c> on line 7, the folded <c>when</c> on lines 10-11, the ladder on 12-16.</summary>
    public const string DesignPolicy = """
        apiVersion: enforcement/v1
        kind: Policy
        id: distillation.cot-elicitation
        version: 3
        title: Systematic chain-of-thought elicitation
        owner: trust-and-safety
        severity: high
        scope: account
        mode: enforce
        when: >
          count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 && account.age < 30d
        ladder:
          - throttle: { rpm: 20, for: 6h }
          - challenge: { kind: identity }
          - suspend: { for: 30d }
            escalate: { queue: threat-intel, priority: high }
        cooldown: 1h
        decay: 14d

        """;

    /// <summary>A policy with only the required fields, to which a test appends what it is about.</summary>
    public const string MinimalPolicy = """
        apiVersion: enforcement/v1
        kind: Policy
        id: minimal
        version: 1
        title: Minimal
        owner: tests
        severity: low
        scope: account
        when: count(request, 1h) > 0
        ladder:
          - observe

        """;

    public static LoadResult Load(params (string File, string Text)[] files) =>
        PolicyLoader.Load(files.Select(f => new PolicySource(f.File, f.Text)));

    /// <summary>Loads <paramref name="text"/> as <c>p.yaml</c> beside a valid catalog.</summary>
    public static LoadResult LoadPolicy(string text) => Load(("signals.yaml", SignalsFile), ("p.yaml", text));

    /// <summary>The errors of loading <paramref name="text"/> as <c>p.yaml</c> beside a valid catalog.</summary>
    public static IReadOnlyList<string> PolicyErrors(string text) => Messages(LoadPolicy(text));

    public static IReadOnlyList<string> CatalogErrors(string text) => Messages(Load(("signals.yaml", text)));

    public static IReadOnlyList<string> Messages(LoadResult result) => [.. result.Errors.Select(e => e.ToString())];

    /// <summary><see cref="MinimalPolicy"/> with one line replaced, for a test about that line.</summary>
    public static string MinimalWith(string line, string replacement)
    {
        Assert.Contains(line, MinimalPolicy, StringComparison.Ordinal);
        return MinimalPolicy.Replace(line, replacement, StringComparison.Ordinal);
    }
}
