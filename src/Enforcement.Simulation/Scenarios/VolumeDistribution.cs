namespace Enforcement.Simulation.Scenarios;

public enum VolumeShape
{
    /// <summary>Log-normal: <see cref="VolumeDistribution.Scale"/> is the median, <see cref="VolumeDistribution.Tail"/> the sigma of the log.</summary>
    LogNormal,

    /// <summary>Pareto: <see cref="VolumeDistribution.Scale"/> is the minimum, <see cref="VolumeDistribution.Tail"/> the index alpha.</summary>
    Pareto,
}

/// <summary>A heavy-tailed distribution of exchanges per day, capped at <paramref name="Max"/>.</summary>
public sealed record VolumeDistribution(VolumeShape Shape, double Scale, double Tail, double Max);
