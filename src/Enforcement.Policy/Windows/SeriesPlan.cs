namespace Enforcement.Policy.Windows;

/// <summary>
/// The ring one signal keeps at one bucket width, with only the columns its requests read. A column is an offset in
/// a row after the bucket number; 0 means the column is not kept.
/// </summary>
/// <param name="Capacity">Buckets in the ring: the most any request on this signal and width reads.</param>
/// <param name="Stride">Longs per row: the bucket number and the columns.</param>
/// <param name="Observations">How many observations fell in the bucket.</param>
/// <param name="Sum">Sum of their values, as the bits of a double.</param>
/// <param name="Min">Least value, as the bits of a double.</param>
/// <param name="Max">Greatest value, as the bits of a double.</param>
/// <param name="Categories">By category index, the column counting observations of that category, or 0.</param>
/// <remarks>The series' cells are its ring, then the running total of each slot in <see cref="Readers"/>.</remarks>
internal readonly record struct SeriesPlan(
    int Signal,
    long Width,
    int Capacity,
    int Stride,
    int Observations,
    int Sum,
    int Min,
    int Max,
    int[] Categories)
{
    /// <summary>The slots reading this ring that keep a running total, in the order of their blocks.</summary>
    public SlotPlan[] Readers { get; init; } = [];

    /// <summary>Longs in the series' cells: the ring's rows and the running totals.</summary>
    public int Length => Ring.Length(Capacity, Stride) + RunningTotal.Longs(Readers);
}
