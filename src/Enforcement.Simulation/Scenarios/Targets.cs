namespace Enforcement.Simulation.Scenarios;

/// <summary>The outcome a run must reach for <c>enforce simulate</c> to exit 0.</summary>
/// <param name="MaxUnrestrictedShare">Per campaign: the most of its exchanges served while its account was unrestricted; it must also be contained.</param>
/// <param name="MaxLegitSuspended">Legitimate accounts suspended, at most.</param>
/// <param name="MaxLegitRestrictedShare">The share of legitimate accounts ever throttled, challenged or suspended, at most.</param>
/// <param name="MinSignalsPerSecond">Throughput of the whole run; checked at full scale only, reported always.</param>
public sealed record Targets(
    double MaxUnrestrictedShare = 0.05,
    int MaxLegitSuspended = 0,
    double MaxLegitRestrictedShare = 0.001,
    double MinSignalsPerSecond = 100_000);
