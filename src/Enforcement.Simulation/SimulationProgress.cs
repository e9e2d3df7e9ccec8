namespace Enforcement.Simulation;

/// <summary>Where a run stands.</summary>
public sealed record SimulationProgress(DateTimeOffset SimTime, DateTimeOffset Start, DateTimeOffset End, long SignalsSent, TimeSpan Elapsed)
{
    public double Fraction => End > Start ? Math.Clamp((SimTime - Start) / (End - Start), 0, 1) : 1;

    public double SignalsPerSecond => Elapsed > TimeSpan.Zero ? SignalsSent / Elapsed.TotalSeconds : 0;
}
