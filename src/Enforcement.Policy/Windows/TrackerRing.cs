namespace Enforcement.Policy.Windows;

/// <summary>
/// A ring of counts inside a tracker's cells: how many tracked values were last (or first) seen in each bucket.
/// </summary>
/// <param name="Offset">Where the ring starts in the tracker's cells.</param>
/// <param name="Age">For a first-seen ring of <c>new_members</c>, the age under which an account counts as new.</param>
internal readonly record struct TrackerRing(long Width, int Capacity, int Offset, long Age = 0)
{
    /// <summary>A row is the bucket number and one count.</summary>
    public const int Stride = 2;

    /// <summary>The slots reading this ring, each with a running total after the tracker's rings.</summary>
    public SlotPlan[] Readers { get; init; } = [];

    public int Length => Ring.Length(Capacity, Stride);
}
