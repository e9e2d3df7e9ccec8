using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>
/// A campaign's burst windows, anchored at its start: active for <see cref="Pacing.Burst"/> of every
/// <see cref="Pacing.Every"/>. Arrivals are drawn in active time and laid out over the windows.
/// </summary>
internal sealed class PacingClock(Pacing pacing, long anchor)
{
    private readonly long every = pacing.Every.Ticks;
    private readonly long burst = pacing.Burst.Ticks;

    /// <summary>Active time between the anchor and <paramref name="t"/>.</summary>
    public double ActiveUntil(long t)
    {
        if (t <= anchor)
            return 0;
        var since = t - anchor;
        return since / every * (double)burst + Math.Min(since % every, burst);
    }

    /// <summary>The time <paramref name="active"/> of active time after <paramref name="t"/>.</summary>
    public long AddActive(long t, double active)
    {
        var position = (t - anchor) % every;
        if (position >= burst)
        {
            t += every - position;
            position = 0;
        }
        var left = burst - position;
        if (active < left)
            return t + (long)active;
        active -= left;
        t += every - position;
        var cycles = Math.Floor(active / burst);
        return t + (long)cycles * every + (long)(active - cycles * burst);
    }
}
