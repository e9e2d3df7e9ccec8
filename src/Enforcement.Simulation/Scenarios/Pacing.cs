namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// When a campaign's accounts send: in bursts of <paramref name="Burst"/> every <paramref name="Every"/>, the same
/// windows for every account of the campaign (scripts on one scheduler). A burst as long as the cycle is steady traffic.
/// </summary>
public sealed record Pacing(TimeSpan Every, TimeSpan Burst)
{
    public static Pacing Steady { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public double DutyCycle => Burst.Ticks / (double)Every.Ticks;
}
