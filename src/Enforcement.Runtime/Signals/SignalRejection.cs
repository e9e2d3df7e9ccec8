namespace Enforcement.Runtime.Signals;

/// <summary>A signal refused, with the reason a sender can act on.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.signal-rejection")]
public sealed record SignalRejection(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] string Reason);
