namespace Enforcement.Policy.Windows;

/// <summary>
/// What some rows of a ring add up to for one slot: <c>A</c>, the column the slot reads (a sum, or a count, which a
/// double holds exactly below 2^53), and <c>B</c>, the count it divides by: observations, for <c>avg</c> and
/// <c>share</c>; 0 for the others.
/// </summary>
internal readonly record struct Tally(double A, long B)
{
    public static Tally operator -(Tally tally) => new(-tally.A, -tally.B);

    /// <summary>The slot's value; an empty window reads NaN for <c>avg</c> and 0 for every other additive aggregate.</summary>
    public static double Value(SlotReader reader, double a, long b) => reader switch
    {
        SlotReader.Avg => b == 0 ? double.NaN : a / b,
        SlotReader.Share => b == 0 ? 0 : a / b,
        _ => a,
    };
}
