namespace Enforcement.Policy.Windows;

/// <summary>
/// Everything <see cref="SubjectWindows.Read"/> needs to answer one slot, resolved when the layout is built.
/// </summary>
/// <param name="Target">The series index, or the tracker index for <see cref="SlotReader.Distinct"/>.</param>
/// <param name="Offset">Where the ring starts in its cells.</param>
/// <param name="Buckets">Buckets in the window.</param>
/// <param name="ColumnA">The column read: sum, min, max, category count, or a tracker's count.</param>
/// <param name="ColumnB">The second column: observations, for <c>avg</c> and <c>share</c>.</param>
/// <param name="Total">
/// Where the slot's <see cref="RunningTotal"/> starts in the same cells, after every ring; 0 for <c>min</c> and
/// <c>max</c>, which keep none.
/// </param>
internal readonly record struct SlotPlan(
    SlotReader Reader,
    int Target,
    int Offset,
    long Width,
    int Buckets,
    int Capacity,
    int Stride,
    int ColumnA,
    int ColumnB,
    int Total = 0)
{
    /// <summary>The window's length in ticks.</summary>
    public long Span => Buckets * Width;
}
