using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>One decision a case concerns, as its audit record told it when the case was opened.</summary>
/// <param name="Decision">The decision's id, as enforcement reasons and audit records quote it.</param>
/// <param name="Subject">Whose decision it is: the account's own, or the entity's or cluster's it inherited.</param>
/// <param name="Inherited">For an account holding an entity's action: the entity's decision the account inherited.</param>
[GenerateSerializer, Immutable, Alias("enforcement.case-decision")]
public sealed record CaseDecision(
    [property: Id(0)] string Decision,
    [property: Id(1)] string Subject,
    [property: Id(2)] CasePolicy? Policy,
    [property: Id(3)] string Action,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Explanation,
    [property: Id(6)] CaseEvidence? Evidence,
    [property: Id(7)] string? Inherited);

/// <summary>The policy revision a decision ran under.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.case-policy")]
public sealed record CasePolicy([property: Id(0)] string Id, [property: Id(1)] int Version, [property: Id(2)] string Hash);

/// <summary>What supported a decision: each aggregate of its condition with its value, and the ids of the last signals.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.case-evidence")]
public sealed record CaseEvidence(
    [property: Id(0)] ImmutableSortedDictionary<string, double> Aggregates,
    [property: Id(1)] ImmutableArray<string> Signals);
