namespace Enforcement.Runtime.Cases;

/// <summary>One step in a case's life: <c>opened</c>, <c>claimed</c>, <c>proposed</c>, <c>decided</c>, <c>confirmed</c>, <c>raised</c>, <c>applied</c>.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.case-event")]
public sealed record CaseEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Event,
    [property: Id(3)] string? Note);
