using System.Collections.Immutable;
using Enforcement.Policy;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;

namespace Enforcement.Policy.Tests.Ladders;

/// <summary>Policy values for ladder tests, built the way the loader would hand them over.</summary>
internal static class TestPolicies
{
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public static PolicyDefinition PolicyWith(
        string id = "test.policy",
        TimeSpan? cooldown = null,
        TimeSpan? decay = null,
        PolicyMode mode = PolicyMode.Enforce,
        params Rung[] ladder) =>
        new(
            Id: id,
            Version: 1,
            Title: "Ladder test",
            Owner: "trust-and-safety",
            Severity: Severity.High,
            Scope: Scope.Account,
            Mode: mode,
            When: ConditionText.OnOneLine("true"),
            Ladder: [.. ladder],
            Cooldown: cooldown ?? TimeSpan.FromHours(1),
            Decay: decay ?? TimeSpan.FromDays(14),
            Tests: [],
            File: "test.yaml",
            ContentHash: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            At: new SourceSpan("test.yaml", 1, 1));

    /// <summary>
    /// The design's example: throttle 20 rpm for 6h; then an identity challenge; then a 30-day suspension with an
    /// escalation; cooldown 1h, decay 14d.
    /// </summary>
    public static PolicyDefinition CotElicitation(PolicyMode mode = PolicyMode.Enforce) =>
        PolicyWith(
            id: "distillation.cot-elicitation",
            mode: mode,
            ladder:
            [
                Rung(Throttle(20, TimeSpan.FromHours(6))),
                Rung(Challenge("identity")),
                Rung(Suspend(TimeSpan.FromDays(30)), Escalate("threat-intel", "high")),
            ]);

    public static Rung Rung(params EnforcementAction[] actions) => new([.. actions], null, SourceSpan.None);

    public static Rung DelayedRung(TimeSpan min, TimeSpan max, params EnforcementAction[] actions) =>
        new([.. actions], new DelayRange(min, max), SourceSpan.None);

    public static EnforcementAction Observe() => new(ActionKind.Observe, SourceSpan.None);

    public static EnforcementAction Throttle(int rpm, TimeSpan? lasts = null) =>
        new(ActionKind.Throttle, SourceSpan.None, For: lasts, Rpm: rpm);

    public static EnforcementAction Challenge(string kind, TimeSpan? lasts = null) =>
        new(ActionKind.Challenge, SourceSpan.None, For: lasts, Challenge: kind);

    public static EnforcementAction Suspend(TimeSpan? lasts = null) => new(ActionKind.Suspend, SourceSpan.None, For: lasts);

    public static EnforcementAction Escalate(string queue, string priority) =>
        new(ActionKind.Escalate, SourceSpan.None, Queue: queue, Priority: priority);

    public static ActionKind[] Kinds(this IEnumerable<ActiveAction> actions) =>
        [.. actions.Select(a => a.Action.Kind)];
}
