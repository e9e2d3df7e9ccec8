using System.Collections.Immutable;

namespace Enforcement.Policy.Definitions;

/// <summary>One step of a ladder: the actions taken together when a subject climbs to it.</summary>
public sealed record Rung(ImmutableArray<EnforcementAction> Actions, DelayRange? Delay, SourceSpan At);
