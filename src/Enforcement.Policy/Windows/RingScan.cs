using System.Runtime.CompilerServices;

namespace Enforcement.Policy.Windows;

/// <summary>
/// A slot's aggregate over a range of buckets, computed from the rows of its ring. The rows are at most two runs of
/// consecutive rows (<see cref="Ring.Runs"/>), each walked by a plain loop with no enumerator, no division and no call
/// per row, which the JIT compiles well with or without a profile. The loops and <see cref="Ring.Runs"/> are inlined
/// into each scan: without a profile the JIT would call them, and those calls cost as much as the rows of a short
/// window. Rows are visited oldest bucket first, so floating sums add up in one fixed order.
/// </summary>
internal static class RingScan
{
    /// <summary>What the rows of buckets <paramref name="first"/>..<paramref name="last"/> add up to for an additive slot.</summary>
    public static Tally Totals(long[] cells, in SlotPlan plan, long first, long last)
    {
        Ring.Runs(plan.Offset, plan.Capacity, plan.Stride, first, last, out var head, out var tail);
        var stride = plan.Stride;
        switch (plan.Reader)
        {
            case SlotReader.Sum:
                return new Tally(Sum(cells, tail, stride, plan.ColumnA, Sum(cells, head, stride, plan.ColumnA, 0.0)), 0);
            case SlotReader.Avg:
                return new Tally(
                    Sum(cells, tail, stride, plan.ColumnA, Sum(cells, head, stride, plan.ColumnA, 0.0)),
                    Count(cells, head, stride, plan.ColumnB) + Count(cells, tail, stride, plan.ColumnB));
            case SlotReader.Share:
                return new Tally(
                    Count(cells, head, stride, plan.ColumnA) + Count(cells, tail, stride, plan.ColumnA),
                    Count(cells, head, stride, plan.ColumnB) + Count(cells, tail, stride, plan.ColumnB));
            default:
                return new Tally(Count(cells, head, stride, plan.ColumnA) + Count(cells, tail, stride, plan.ColumnA), 0);
        }
    }

    /// <summary>What one row holding its bucket adds to an additive slot, as <see cref="Totals"/> counts it.</summary>
    public static Tally Row(long[] cells, in SlotPlan plan, int row) => plan.Reader switch
    {
        SlotReader.Sum => new Tally(BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]), 0),
        SlotReader.Avg => new Tally(BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]), cells[row + plan.ColumnB]),
        SlotReader.Share => new Tally(cells[row + plan.ColumnA], cells[row + plan.ColumnB]),
        _ => new Tally(cells[row + plan.ColumnA], 0),
    };

    /// <summary>The least value over buckets <paramref name="first"/>..<paramref name="last"/>; NaN if none.</summary>
    public static double Min(long[] cells, in SlotPlan plan, long first, long last)
    {
        Ring.Runs(plan.Offset, plan.Capacity, plan.Stride, first, last, out var head, out var tail);
        var min = Min(cells, head, plan.Stride, plan.ColumnA, double.NaN);
        return Min(cells, tail, plan.Stride, plan.ColumnA, min);
    }

    /// <summary>The greatest value over buckets <paramref name="first"/>..<paramref name="last"/>; NaN if none.</summary>
    public static double Max(long[] cells, in SlotPlan plan, long first, long last)
    {
        Ring.Runs(plan.Offset, plan.Capacity, plan.Stride, first, last, out var head, out var tail);
        var max = Max(cells, head, plan.Stride, plan.ColumnA, double.NaN);
        return Max(cells, tail, plan.Stride, plan.ColumnA, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Count(long[] cells, RowRun run, int stride, int column)
    {
        long count = 0;
        var bucket = run.Bucket;
        for (var row = run.Start; row < run.End; row += stride, bucket++)
        {
            if (cells[row] == bucket)
                count += cells[row + column];
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sum(long[] cells, RowRun run, int stride, int column, double sum)
    {
        var bucket = run.Bucket;
        for (var row = run.Start; row < run.End; row += stride, bucket++)
        {
            if (cells[row] == bucket)
                sum += BitConverter.Int64BitsToDouble(cells[row + column]);
        }
        return sum;
    }

    // `!(value >= min)` rather than `value < min`: the NaN a scan starts from gives way to the first value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Min(long[] cells, RowRun run, int stride, int column, double min)
    {
        var bucket = run.Bucket;
        for (var row = run.Start; row < run.End; row += stride, bucket++)
        {
            var value = BitConverter.Int64BitsToDouble(cells[row + column]);
            if (cells[row] == bucket && !(value >= min))
                min = value;
        }
        return min;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Max(long[] cells, RowRun run, int stride, int column, double max)
    {
        var bucket = run.Bucket;
        for (var row = run.Start; row < run.End; row += stride, bucket++)
        {
            var value = BitConverter.Int64BitsToDouble(cells[row + column]);
            if (cells[row] == bucket && !(value <= max))
                max = value;
        }
        return max;
    }
}
