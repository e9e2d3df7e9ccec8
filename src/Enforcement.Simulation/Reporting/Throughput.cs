namespace Enforcement.Simulation.Reporting;

/// <summary>How fast the run went: signals sent over the wall time of the whole run, generation included.</summary>
public sealed record Throughput(
    long SignalsSent,
    long Profiles,
    long Batches,
    long StateChanges,
    long ChallengesReported,
    double WallSeconds,
    double SignalsPerSecond);
