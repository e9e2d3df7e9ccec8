namespace Enforcement.Policy.Windows;

/// <summary>
/// The values of one attribute among all of a subject's observations, for <c>distinct(attr, w)</c>. Each value is
/// remembered by its 64-bit <see cref="ValueHash"/> rather than its text: two values count as one only if their hashes
/// collide, about one chance in 2^64 per pair, and the tracker keeps none of the strings alive.
/// </summary>
internal sealed class DistinctTracker(TrackerPlan plan, int maxValues) : SeenTracker<ulong, ValueSeen>(plan, maxValues)
{
    public void Observe(ulong value, long at)
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

    protected override long KeyBytes(ulong key) => 0;

    protected override void Sort(List<ulong> keys) => keys.Sort();
}
