using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Enforcement.Runtime.Cases;

/// <summary>
/// An escalation or an appeal, worked by a reviewer; its outcome is a decision in the audit chain of the subject it
/// concerns. The whole case as the API shows it and the store keeps it (JSON).
/// </summary>
/// <param name="Kind"><c>escalation</c> or <c>appeal</c>.</param>
/// <param name="Priority"><c>low</c>, <c>normal</c>, <c>high</c>, <c>urgent</c>; raised one step when the deadline passes.</param>
/// <param name="Status">See <see cref="CaseStatus"/>.</param>
/// <param name="Subject">Whose decisions the case concerns: <c>account:a-42</c>, or an entity such as <c>payment:9f3a</c>.</param>
/// <param name="Account">The account, for an account's case; null for an entity's.</param>
/// <param name="Statement">The customer's words, for an appeal.</param>
/// <param name="Proposed">In a four-eyes queue, the overturn a first reviewer proposed and a second must confirm.</param>
/// <param name="Applied">True once the outcome reached the subject (its state, rungs and audit chain).</param>
[GenerateSerializer, Immutable, Alias("enforcement.case")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Case is the word DESIGN.md uses; C# callers are the only ones.")]
public sealed record Case(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Queue,
    [property: Id(3)] string Priority,
    [property: Id(4)] string Status,
    [property: Id(5)] string Subject,
    [property: Id(6)] string? Account,
    [property: Id(7)] DateTimeOffset Opened,
    [property: Id(8)] DateTimeOffset Deadline,
    [property: Id(9)] bool Overdue,
    [property: Id(10)] string? ClaimedBy,
    [property: Id(11)] string? Statement,
    [property: Id(12)] ImmutableArray<CaseDecision> Decisions,
    [property: Id(13)] ImmutableArray<CaseEvent> History,
    [property: Id(14)] CaseOutcome? Proposed,
    [property: Id(15)] CaseOutcome? Outcome,
    [property: Id(16)] bool Applied,
    [property: Id(17)] long Version)
{
    public const string Escalation = "escalation";
    public const string Appeal = "appeal";

    [JsonIgnore]
    public bool IsDecided => Outcome is not null;

    /// <summary>When the scheduler must look at the case: its deadline while undecided and not yet raised, at once while its outcome has not reached the subject.</summary>
    [JsonIgnore]
    public DateTimeOffset? Due => Outcome is not null
        ? (Applied ? null : Outcome.At)
        : (Overdue ? null : Deadline);

    /// <summary>True when the case concerns a suspension: what the four-eyes rule guards.</summary>
    [JsonIgnore]
    public bool ConcernsSuspension => Decisions.Any(d => d.Action.Split('+').Contains("suspend", StringComparer.Ordinal));
}
