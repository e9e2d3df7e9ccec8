using System.Collections.Immutable;
using Enforcement.Policy.Language.Compilation;
using Enforcement.Policy.Ladders;

namespace Enforcement.Policy.Evaluation;

/// <summary>
/// One change of a subject's rung or actions under one policy, with the explanation of the condition when the
/// change was a climb or a renewal (timers need none: their cause is the time itself).
/// </summary>
/// <param name="Subject">The subject as audited, such as <c>account:a-42</c> or <c>payment:9f3a</c>.</param>
public sealed record Decision(string Subject, CompiledPolicy Policy, LadderTransition Transition, Explanation? Explanation)
{
    public bool Shadow => Policy.Definition.Mode == Definitions.PolicyMode.Shadow;

    /// <summary>
    /// A sample of the signals that led to a climb or a renewal: the ids of the last few the subject observed with an
    /// id (<see cref="Subject.EvidenceSize"/> at most), oldest first, the one that triggered it last. Empty for the
    /// other transitions, whose cause is time or a report, not signals.
    /// </summary>
    public ImmutableArray<string> Evidence { get; init; } = [];
}
