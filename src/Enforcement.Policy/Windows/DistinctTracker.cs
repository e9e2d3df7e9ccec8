namespace Enforcement.Policy.Windows;

/// <summary>The values of one attribute among all of a subject's observations, for <c>distinct(attr, w)</c>.</summary>
internal sealed class DistinctTracker(TrackerPlan plan, int maxValues) : SeenTracker<ValueSeen>(plan, maxValues)
{
    public void Observe(string value, long at)
    {
        if (at > Newest)
            Newest = at;
        else if (at < Newest - Plan.Retention)
            return; // older than every window: it can change no count
        ref var entry = ref GetOrAdd(value, out var known);
        if (!known)
        {
            entry.Last = at;
            foreach (var ring in Plan.LastSeen)
                Add(ring, at / ring.Width);
        }
        else if (at > entry.Last)
        {
            foreach (var ring in Plan.LastSeen)
                Move(ring, entry.Last, at);
            entry.Last = at;
        }
        Trim();
    }
}
