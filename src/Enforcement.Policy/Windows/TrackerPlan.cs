namespace Enforcement.Policy.Windows;

/// <summary>
/// What one tracker of distinct values keeps: the values of one attribute (<c>distinct</c>) or the accounts
/// (<c>members</c>, <c>new_members</c>), with a last-seen ring per bucket width and, for accounts, a first-seen ring
/// per width and age.
/// </summary>
/// <param name="Attribute">The attribute whose values are tracked; -1 for accounts.</param>
/// <param name="Retention">
/// How long a value is remembered after it was last seen, in ticks, measured back from the latest observation: the
/// largest window plus one bucket (plus, for accounts, the largest age), plus <see cref="Lead"/>.
/// </param>
/// <param name="Length">Longs in the tracker's cells: all rings, then the running totals of their readers.</param>
internal sealed record TrackerPlan(
    int Attribute,
    long Retention,
    TrackerRing[] LastSeen,
    TrackerRing[] FirstSeen,
    int Length)
{
    /// <summary>
    /// How far an observation may run ahead of the present without making the tracker forget values that are still
    /// in a window, in ticks. Trackers measure time by their latest observation, and the service accepts signals up to
    /// its clock skew bound (5 minutes by default) ahead of its clock; this leaves twice that.
    /// </summary>
    public static readonly long Lead = TimeSpan.FromMinutes(10).Ticks;
}
