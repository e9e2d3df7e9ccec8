using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>Reviewers' outcome of a case as a subject applies it: the case, the outcome, and the contested decisions' ids.</summary>
public sealed record ApplyCase(string Case, CaseOutcome Outcome, ImmutableArray<string> Decisions)
{
    /// <summary>What the audit records of the outcome explain: the case and the reviewers' note.</summary>
    public string Why => $"case {Case}: {Outcome.Note}";

    public bool Overturns => Outcome.Outcome == CaseOutcome.Overturn;
}
