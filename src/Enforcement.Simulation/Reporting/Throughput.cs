namespace Enforcement.Simulation.Reporting;

/// <summary>How fast the run went: signals sent over the wall time of the whole run, generation included.</summary>
/// <param name="Duplicates">Signals the service had already taken: a service that saw this run before (ids repeat from run to run).</param>
public sealed record Throughput(
    long SignalsSent,
    long Duplicates,
    long Profiles,
    long Batches,
    long StateChanges,
    long ChallengesReported,
    double WallSeconds,
    double SignalsPerSecond);
