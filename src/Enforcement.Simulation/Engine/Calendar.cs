namespace Enforcement.Simulation.Engine;

/// <summary>
/// Which actors have an event in which tick: one list per tick, each actor in exactly one, so a tick touches only the
/// actors with something to do. Lists keep insertion order, which keeps runs deterministic.
/// </summary>
internal sealed class Calendar(long start, long step, int ticks)
{
    private readonly List<Actor>?[] buckets = new List<Actor>?[ticks];

    public void Add(Actor actor)
    {
        if (actor.Next == long.MaxValue)
            return;
        var tick = (actor.Next - start) / step;
        if (tick >= ticks)
            return;
        var bucket = buckets[Math.Max(0, tick)] ??= [];
        bucket.Add(actor);
    }

    /// <summary>The actors of a tick; the tick's list is released.</summary>
    public List<Actor> Take(int tick)
    {
        var bucket = buckets[tick];
        buckets[tick] = null;
        return bucket ?? [];
    }
}
