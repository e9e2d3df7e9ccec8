namespace Enforcement.Cli.Simulate;

/// <summary>
/// The service's clock during an in-process simulation: it reads the simulated time the simulator last set, so that
/// windows, ladders, expiry and delays run on the scenario's days, only faster. Never runs backwards.
/// </summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset now)
    {
        var target = now.UtcTicks;
        long known;
        do
        {
            known = Interlocked.Read(ref ticks);
            if (target <= known)
                return;
        }
        while (Interlocked.CompareExchange(ref ticks, target, known) != known);
    }
}
