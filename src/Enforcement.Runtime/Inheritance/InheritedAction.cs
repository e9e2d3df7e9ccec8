namespace Enforcement.Runtime.Inheritance;

/// <summary>
/// One action an entity or cluster holds, as its member accounts inherit it: enough to combine it into the account's
/// state and to quote the decision that took it.
/// </summary>
/// <param name="Policy">The id of the policy whose ladder took it, in the entity's or cluster's scope.</param>
/// <param name="Kind">throttle, challenge or suspend: the actions that change access.</param>
/// <param name="Decision">The id of the entity's or cluster's decision.</param>
[GenerateSerializer, Immutable, Alias("enforcement.inherited-action")]
public sealed record InheritedAction(
    [property: Id(0)] string Policy,
    [property: Id(1)] int Rung,
    [property: Id(2)] string Kind,
    [property: Id(3)] int? Rpm,
    [property: Id(4)] string? Challenge,
    [property: Id(5)] DateTimeOffset TakenAt,
    [property: Id(6)] DateTimeOffset EffectiveAt,
    [property: Id(7)] DateTimeOffset? Until,
    [property: Id(8)] string Decision);
