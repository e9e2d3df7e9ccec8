using System.Runtime.CompilerServices;

namespace Enforcement.Policy.Windows;

/// <summary>
/// The accounts among a subject's observations, for <c>members(w)</c> (last-seen rings) and
/// <c>new_members(age, w)</c> (first-seen rings, one per width and age, counting only accounts that were younger than
/// the age at their first observation).
/// </summary>
/// <remarks>
/// An account is remembered for the retention after it was last seen, which the layout sets to the largest window
/// plus one bucket plus the largest age (plus the lead allowed to observations ahead of the present). An account that
/// stays away longer is forgotten and, if it comes back, joins again; by then it is older than every age, so it does
/// not count as new, unless its creation time is unknown.
/// </remarks>
internal sealed class MemberTracker(TrackerPlan plan, int maxValues) : SeenTracker<string, MemberSeen>(plan, maxValues, StringComparer.Ordinal)
{
    public void Observe(string account, long created, long at)
    {
        if (at > Newest)
        {
            Newest = at;
        }
        else if (at < Newest - Plan.Retention)
        {
            // Too old for any window, yet it may be the account's first observation, and whether the account joined
            // inside a window depends on when that was.
            if (Plan.FirstSeen.Length == 0)
                return;
            ref var known = ref Find(account);
            if (!Unsafe.IsNullRef(ref known) && at < known.First)
                MoveFirst(ref known, at, created);
            return;
        }
        ref var entry = ref GetOrAdd(account, out var exists);
        if (!exists)
        {
            entry = new MemberSeen { First = at, Last = at, Created = created };
            foreach (var ring in Plan.LastSeen)
                Add(ring, at / ring.Width);
            foreach (var ring in Plan.FirstSeen)
            {
                if (IsNew(at, created, ring.Age))
                    Add(ring, at / ring.Width);
            }
        }
        else if (at > entry.Last)
        {
            foreach (var ring in Plan.LastSeen)
                Move(ring, entry.Last, at);
            entry.Last = at;
        }
        else if (at < entry.First)
        {
            MoveFirst(ref entry, at, created);
        }
        Trim();
    }

    /// <summary>An earlier observation arrived late: the account joined then, at the age it had then.</summary>
    private void MoveFirst(ref MemberSeen entry, long at, long created)
    {
        foreach (var ring in Plan.FirstSeen)
        {
            if (IsNew(entry.First, entry.Created, ring.Age))
                Remove(ring, entry.First / ring.Width);
            if (IsNew(at, created, ring.Age))
                Add(ring, at / ring.Width);
        }
        entry.First = at;
        entry.Created = created;
    }

    protected override long KeyBytes(string key) => Footprint.String(key.Length);

    protected override void Sort(List<string> keys) => keys.Sort(StringComparer.Ordinal);

    // An account nobody has profiled counts as new: the fresh accounts of a campaign are exactly those.
    private static bool IsNew(long first, long created, long age) => created == 0 || first - created < age;
}
