namespace Enforcement.Simulation;

/// <summary>How to run a scenario.</summary>
public sealed record SimulationOptions
{
    /// <summary>Multiplies every account and exchange count (see <see cref="Scenarios.ScenarioScaling"/>); in (0, 1].</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Replaces the scenario's seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Moves the scenario to start here instead (a running service only takes recent signals).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Called on the engine's thread about once per simulated hour and at the end.</summary>
    public Action<SimulationProgress>? Progress { get; init; }

    /// <summary>The wall clock that throughput is measured with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The most signals per <see cref="ISimulationTarget.SendAsync"/> call.</summary>
    public int MaxBatch { get; init; } = 10_000;
}
