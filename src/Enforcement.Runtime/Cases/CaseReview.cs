using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>
/// How a case moves, as pure functions: claiming, deciding, confirming under the four-eyes rule, raising past the
/// deadline. The case grain holds the case and sequences the calls; nothing here reads a clock or the store.
/// </summary>
public static class CaseReview
{
    /// <summary>A reviewer takes the case; taking it again is no change, taking another's is refused.</summary>
    public static CaseChange Claim(Case current, string reviewer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.IsDecided)
            return CaseChange.Refused($"The case was decided ({current.Status}).");
        if (current.Status == CaseStatus.AwaitingConfirmation)
            return CaseChange.Refused("The case awaits a second reviewer's confirmation; confirm or reject it with a decision.");
        if (current.ClaimedBy is { } holder)
            return holder == reviewer ? new CaseChange(current, null) : CaseChange.Refused($"The case is claimed by {holder}.");
        return new CaseChange(Next(current, at, reviewer, "claimed", null) with { Status = CaseStatus.Claimed, ClaimedBy = reviewer }, null);
    }

    /// <summary>
    /// A reviewer decides. An unclaimed case is claimed by deciding it; another's is refused. In a four-eyes queue an
    /// overturn of a suspension is only proposed, and a second, different reviewer confirms it (overturn) or rejects it
    /// (uphold).
    /// </summary>
    public static CaseChange Decide(Case current, string reviewer, string outcome, string note, bool fourEyes, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (outcome is not (CaseOutcome.Uphold or CaseOutcome.Overturn))
            throw new ArgumentException($"An outcome is uphold or overturn, not '{outcome}'.", nameof(outcome));
        if (current.IsDecided)
            return CaseChange.Refused($"The case was decided ({current.Status}).");

        if (current.Status == CaseStatus.AwaitingConfirmation && current.Proposed is { } proposed)
        {
            if (proposed.By.Contains(reviewer))
                return CaseChange.Refused($"Four-eyes rule: a reviewer other than {reviewer} must confirm the overturn.");
            var step = outcome == CaseOutcome.Overturn ? "confirmed" : "rejected";
            var final = outcome == CaseOutcome.Overturn
                ? new CaseOutcome(CaseOutcome.Overturn, proposed.By.Add(reviewer), JoinNotes(proposed.Note, note), at)
                : new CaseOutcome(CaseOutcome.Uphold, [reviewer], note, at);
            return new CaseChange(Decided(Next(current, at, reviewer, step, note), final), null);
        }

        if (current.ClaimedBy is { } holder && holder != reviewer)
            return CaseChange.Refused($"The case is claimed by {holder}.");

        if (outcome == CaseOutcome.Overturn && fourEyes && current.ConcernsSuspension)
        {
            var proposal = new CaseOutcome(CaseOutcome.Overturn, [reviewer], note, at);
            return new CaseChange(Next(current, at, reviewer, "proposed", note) with
            {
                Status = CaseStatus.AwaitingConfirmation,
                ClaimedBy = reviewer,
                Proposed = proposal,
            }, null);
        }

        var decided = new CaseOutcome(outcome, [reviewer], note, at);
        return new CaseChange(Decided(Next(current, at, reviewer, "decided", note) with { ClaimedBy = reviewer }, decided), null);
    }

    /// <summary>Past its deadline an undecided case is marked overdue and its priority raised one step, once; otherwise null.</summary>
    public static Case? Raise(Case current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.IsDecided || current.Overdue || at < current.Deadline)
            return null;
        var raised = CasePriorities.Raise(current.Priority);
        return Next(current, at, "system", "raised", $"deadline {current.Deadline:u} passed; priority {current.Priority} → {raised}") with
        {
            Overdue = true,
            Priority = raised,
        };
    }

    /// <summary>The outcome reached the subject.</summary>
    public static Case Applied(Case current, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Next(current, at, "system", "applied", null) with { Applied = true };
    }

    private static Case Decided(Case current, CaseOutcome outcome) => current with
    {
        Status = outcome.Outcome == CaseOutcome.Overturn ? CaseStatus.Overturned : CaseStatus.Upheld,
        Outcome = outcome,
        Proposed = null,
        Applied = false,
    };

    private static Case Next(Case current, DateTimeOffset at, string actor, string step, string? note) => current with
    {
        History = current.History.OrEmptyAdd(new CaseEvent(at, actor, step, note)),
        Version = current.Version + 1,
    };

    private static ImmutableArray<CaseEvent> OrEmptyAdd(this ImmutableArray<CaseEvent> history, CaseEvent next) =>
        (history.IsDefault ? [] : history).Add(next);

    private static string JoinNotes(string first, string second) =>
        string.IsNullOrWhiteSpace(second) || first == second ? first : first + " — confirmed: " + second;
}
