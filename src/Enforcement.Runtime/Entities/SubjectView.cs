using System.Collections.Immutable;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Inheritance;

namespace Enforcement.Runtime.Entities;

/// <summary>The answer of <c>GET /v1/subjects/{scope}/{key}</c>: an entity or cluster as a reviewer reads it.</summary>
/// <param name="Members">How many accounts it has seen within its window retention.</param>
/// <param name="RecentMembers">The most recently seen of them, up to a hundred.</param>
/// <param name="Conditions">Each policy of its scope with its condition and the value of every term now.</param>
/// <param name="Actions">What its members inherit.</param>
[GenerateSerializer, Immutable, Alias("enforcement.subject-view")]
public sealed record SubjectView(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Scope,
    [property: Id(2)] int Members,
    [property: Id(3)] ImmutableArray<string> RecentMembers,
    [property: Id(4)] long Signals,
    [property: Id(5)] ImmutableArray<RungView> Rungs,
    [property: Id(6)] ImmutableArray<ConditionView> Conditions,
    [property: Id(7)] InheritedActions Actions,
    [property: Id(8)] long AuditRecords,
    [property: Id(9)] long PolicySetVersion);

[GenerateSerializer, Immutable, Alias("enforcement.condition-view")]
public sealed record ConditionView(
    [property: Id(0)] string Policy,
    [property: Id(1)] string Explanation);
