namespace Enforcement.Runtime.Signals;

/// <summary>A decision as the API reports it with the call that caused it; the audit record holds the rest.</summary>
/// <param name="Decision">The decision's id, <c>{subject}#{seq}</c>, also the audit record's address.</param>
[GenerateSerializer, Immutable, Alias("enforcement.decision-view")]
public sealed record DecisionView(
    [property: Id(0)] string Decision,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Policy,
    [property: Id(3)] int Version,
    [property: Id(4)] string Kind,
    [property: Id(5)] string Action,
    [property: Id(6)] string From,
    [property: Id(7)] string To,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] DateTimeOffset EffectiveAt,
    [property: Id(10)] bool Shadow);
