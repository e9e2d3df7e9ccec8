using System.Collections.Immutable;

namespace Enforcement.Runtime.Accounts;

/// <summary>The answer of <c>GET /v1/accounts/{id}</c>: what a reviewer sees first.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.account-view")]
public sealed record AccountView(
    [property: Id(0)] string Account,
    [property: Id(1)] ProfileView Profile,
    [property: Id(2)] EnforcementView Enforcement,
    [property: Id(3)] ImmutableArray<RungView> Rungs,
    [property: Id(4)] ImmutableArray<string> LinkedEntities,
    [property: Id(5)] long Signals,
    [property: Id(6)] long AuditRecords,
    [property: Id(7)] long PolicySetVersion);

[GenerateSerializer, Immutable, Alias("enforcement.profile-view")]
public sealed record ProfileView(
    [property: Id(0)] DateTimeOffset? Created,
    [property: Id(1)] DateTimeOffset? FirstSeen,
    [property: Id(2)] string Tier,
    [property: Id(3)] string Region,
    [property: Id(4)] bool Verified);

/// <summary>Where the account stands on one policy's ladder, with the actions it holds there.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.rung-view")]
public sealed record RungView(
    [property: Id(0)] string Policy,
    [property: Id(1)] int Rung,
    [property: Id(2)] int Of,
    [property: Id(3)] ImmutableArray<ActionView> Actions);

[GenerateSerializer, Immutable, Alias("enforcement.action-view")]
public sealed record ActionView(
    [property: Id(0)] string Action,
    [property: Id(1)] int Rung,
    [property: Id(2)] DateTimeOffset TakenAt,
    [property: Id(3)] DateTimeOffset EffectiveAt,
    [property: Id(4)] DateTimeOffset? Until,
    [property: Id(5)] bool InForce);
