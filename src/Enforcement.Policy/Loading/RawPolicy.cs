using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>A policy file as written: every field located, nothing judged yet.</summary>
/// <param name="Condition">The <c>when</c> text with every character's position.</param>
/// <param name="LadderAt">Where the <c>ladder</c> list is, or null when it is missing.</param>
internal sealed record RawPolicy(
    RawScalar? Id,
    RawScalar? Version,
    RawScalar? Title,
    RawScalar? Owner,
    RawScalar? Severity,
    RawScalar? Scope,
    RawScalar? Mode,
    RawScalar? When,
    ConditionText? Condition,
    ImmutableArray<RawRung> Ladder,
    SourceSpan? LadderAt,
    RawScalar? Cooldown,
    RawScalar? Decay,
    ImmutableArray<RawPolicyTest> Tests,
    SourceSpan At);

/// <summary>One rung as written: its actions and its optional <c>delay</c>.</summary>
/// <param name="ActionsWritten">How many actions the author wrote, readable or not: a rung whose only action was
/// misspelled already has an error, and needs no second one saying it has no action.</param>
internal sealed record RawRung(ImmutableArray<RawAction> Actions, RawScalar? Delay, SourceSpan At, int ActionsWritten);

/// <summary>One action of a rung; the name is already known to be an action, its parameters are raw.</summary>
internal sealed record RawAction(
    ActionKind Kind,
    SourceSpan At,
    RawScalar? For = null,
    RawScalar? Rpm = null,
    RawScalar? Challenge = null,
    RawScalar? Queue = null,
    RawScalar? Priority = null);
