using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Enforcement.Policy.Windows;

/// <summary>
/// Counts distinct values over sliding windows in bounded memory, with reads that cost no more however many values
/// there are. A map remembers when each value was last seen; per bucket width a ring counts the values whose last
/// sighting falls in each bucket, so a window's distinct count is the sum of its buckets' counts, which each reading
/// slot keeps as a <see cref="RunningTotal"/>. When a value is seen in a newer bucket its count moves there.
/// </summary>
/// <remarks>
/// Memory is bounded twice. A value not seen for <see cref="TrackerPlan.Retention"/> can no longer be in any window and
/// is pruned (a sweep runs every eighth of the retention, in event time). And the map never holds more than
/// <c>maxValues</c> values: past that the least recently seen eighth is evicted at once. An evicted value's count stays
/// in its bucket (the ring still knows that a value was last seen there, only not which), so a value seen again within
/// the same window counts twice there. Because only the least recently seen are evicted, that happens only in a window
/// that already holds about seven eighths of <c>maxValues</c> distinct values: below that every count is exact, above
/// it a count may run high, never low.
/// </remarks>
internal abstract class SeenTracker<TKey, TEntry>
    where TKey : notnull
    where TEntry : struct, ISeen
{
    /// <summary>The tracker object: header, three references, three longs and an int, padded.</summary>
    public const int ShellBytes = Footprint.ObjectHeader + 3 * 8 + 3 * 8 + 8;

    private readonly Dictionary<TKey, TEntry> seen;
    private readonly int maxValues;
    private long keyBytes;
    private long nextSweep;

    protected SeenTracker(TrackerPlan plan, int maxValues, IEqualityComparer<TKey>? comparer = null)
    {
        seen = new Dictionary<TKey, TEntry>(comparer);
        Plan = plan;
        this.maxValues = maxValues;
        Cells = new long[plan.Length];
        foreach (var ring in plan.LastSeen)
            Clear(ring);
        foreach (var ring in plan.FirstSeen)
            Clear(ring);
    }

    /// <summary>The count rings, laid out as the plan's <see cref="TrackerRing.Offset"/>s say, then their readers' running totals.</summary>
    public long[] Cells { get; }

    /// <summary>How many values the map remembers now.</summary>
    public int Count => seen.Count;

    /// <summary>
    /// This tracker, its rings, its map and whatever its keys keep alive (<see cref="KeyBytes"/>). Strings are counted in
    /// full although the caller may share them, so the figure is an upper bound.
    /// </summary>
    public long AllocatedBytes =>
        ShellBytes
        + Footprint.Map(seen.EnsureCapacity(0), Unsafe.SizeOf<TEntry>())
        + Footprint.Longs(Cells.Length)
        + keyBytes;

    protected TrackerPlan Plan { get; }

    /// <summary>The latest event time seen, for a snapshot.</summary>
    internal long NewestSeen => Newest;

    /// <summary>When the next sweep for values past their retention is due, for a snapshot.</summary>
    internal long NextSweep => nextSweep;

    /// <summary>The map's capacity, for a snapshot: a restored tracker takes the same, so it holds the same memory.</summary>
    internal int MapCapacity => seen.EnsureCapacity(0);

    /// <summary>Every value remembered with what is known of it, in the map's order, for a snapshot.</summary>
    internal Dictionary<TKey, TEntry> Entries => seen;

    /// <summary>
    /// Puts a freshly made tracker back in the state a snapshot recorded; then <see cref="Remember"/> each value in the
    /// order <see cref="Entries"/> listed them.
    /// </summary>
    internal void Restore(long newest, long sweep, int capacity, ReadOnlySpan<long> cells)
    {
        Newest = newest;
        nextSweep = sweep;
        if (capacity > 0)
            seen.EnsureCapacity(capacity);
        cells.CopyTo(Cells);
    }

    /// <summary>Adds a value from a snapshot; false if it is already remembered.</summary>
    internal bool Remember(TKey key, in TEntry entry)
    {
        if (!seen.TryAdd(key, entry))
            return false;
        keyBytes += KeyBytes(key);
        return true;
    }

    /// <summary>What a key keeps alive beyond its map entry: the string of an account, nothing for a hash.</summary>
    protected abstract long KeyBytes(TKey key);

    /// <summary>Puts keys in an order that depends on nothing but the keys.</summary>
    protected abstract void Sort(List<TKey> keys);

    /// <summary>The latest event time this tracker has seen, in ticks.</summary>
    protected long Newest { get; set; }

    protected ref TEntry GetOrAdd(TKey key, out bool known)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out known);
        if (!known)
            keyBytes += KeyBytes(key);
        return ref entry;
    }

    /// <summary>The entry of <paramref name="key"/>, or a null reference (test with <see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>).</summary>
    protected ref TEntry Find(TKey key) => ref CollectionsMarshal.GetValueRefOrNullRef(seen, key);

    /// <summary>Keeps the map within its bounds. Call it after an update, once no reference into the map is held.</summary>
    protected void Trim()
    {
        if (seen.Count > maxValues)
        {
            Prune();
            if (seen.Count > maxValues)
                EvictLeastRecent();
        }
        else if (Newest >= nextSweep)
        {
            Prune();
        }
    }

    protected void Add(in TrackerRing ring, long bucket)
    {
        var row = RunningTotal.Claim(Cells, ring.Readers, ring.Offset, ring.Capacity, TrackerRing.Stride, ring.Width, bucket, out _);
        if (row < 0)
            return;
        Cells[row + 1]++;
        RunningTotal.Count(Cells, ring.Readers, bucket * ring.Width, +1);
    }

    protected void Remove(in TrackerRing ring, long bucket)
    {
        var row = Ring.Find(Cells, ring.Offset, ring.Capacity, TrackerRing.Stride, bucket);
        if (row < 0)
            return;
        Cells[row + 1]--;
        RunningTotal.Count(Cells, ring.Readers, bucket * ring.Width, -1);
    }

    /// <summary>Moves one value's count from the bucket of <paramref name="from"/> to the bucket of <paramref name="to"/>.</summary>
    protected void Move(in TrackerRing ring, long from, long to)
    {
        var source = from / ring.Width;
        var target = to / ring.Width;
        if (source == target)
            return;
        Remove(ring, source);
        Add(ring, target);
    }

    private void Clear(in TrackerRing ring)
    {
        Ring.Clear(Cells, ring.Offset, ring.Capacity, TrackerRing.Stride);
        RunningTotal.Clear(Cells, ring.Readers);
    }

    private void Prune()
    {
        var cutoff = Newest - Plan.Retention;
        foreach (var (key, entry) in seen)
        {
            if (entry.LastSeen < cutoff)
                Forget(key);
        }
        nextSweep = Newest + Math.Max(1, Plan.Retention / 8);
        // Give memory back after a burst, but not so eagerly that a map hovering at one size keeps reallocating.
        var capacity = seen.EnsureCapacity(0);
        if (capacity > 64 && seen.Count < capacity / 4)
            seen.TrimExcess();
    }

    private void EvictLeastRecent()
    {
        var count = seen.Count;
        var keep = Math.Max(1, maxValues - maxValues / 8);
        var lastSeen = ArrayPool<long>.Shared.Rent(count);
        var i = 0;
        foreach (var entry in seen.Values)
            lastSeen[i++] = entry.LastSeen;
        Array.Sort(lastSeen, 0, count);
        // The oldest sighting that stays: everything older goes, and ties with it go until only `keep` are left.
        var cutoff = lastSeen[count - keep];
        ArrayPool<long>.Shared.Return(lastSeen);
        var excess = count - keep;
        List<TKey>? ties = null;
        foreach (var (key, entry) in seen)
        {
            if (entry.LastSeen < cutoff)
            {
                Forget(key);
                excess--;
            }
            else if (entry.LastSeen == cutoff)
            {
                (ties ??= []).Add(key);
            }
        }
        // Which of the values last seen at the cutoff go is decided by the values themselves, not by the map's order,
        // which depends on its history: a tracker restored from a snapshot must evict exactly what the original would.
        if (excess > 0 && ties is not null)
        {
            Sort(ties);
            for (var t = 0; t < excess && t < ties.Count; t++)
                Forget(ties[t]);
        }
    }

    private void Forget(TKey key)
    {
        seen.Remove(key);
        keyBytes -= KeyBytes(key);
    }
}
