using System.Collections.Immutable;

namespace Enforcement.Runtime.Accounts;

/// <summary>The answer of <c>GET /v1/accounts/{id}/enforcement</c>: the gateway's hot path.</summary>
/// <param name="State">allow, throttle, challenge or suspended.</param>
/// <param name="Version">Increases with every change of the account's enforcement state; 0 for an account never seen.</param>
[GenerateSerializer, Immutable, Alias("enforcement.enforcement-view")]
public sealed record EnforcementView(
    [property: Id(0)] string Account,
    [property: Id(1)] string State,
    [property: Id(2)] int? Rpm,
    [property: Id(3)] string? Challenge,
    [property: Id(4)] DateTimeOffset? Until,
    [property: Id(5)] ImmutableArray<ReasonView> Reasons,
    [property: Id(6)] long Version)
{
    public bool Equals(EnforcementView? other) =>
        other is not null
        && Account == other.Account
        && State == other.State
        && Rpm == other.Rpm
        && Challenge == other.Challenge
        && Until == other.Until
        && Version == other.Version
        && Reasons.SequenceEqual(other.Reasons);

    public override int GetHashCode() => HashCode.Combine(Account, State, Rpm, Challenge, Until, Version, Reasons.Length);
}

/// <summary>One action behind the state: which subject holds it, under which policy, taken by which decision.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.reason-view")]
public sealed record ReasonView(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Policy,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Decision);
