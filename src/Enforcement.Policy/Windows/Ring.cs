using System.Runtime.CompilerServices;

namespace Enforcement.Policy.Windows;

/// <summary>
/// A ring of time buckets laid out in a region of a <c>long[]</c>: <c>capacity</c> rows of <c>stride</c> longs, bucket
/// <c>b</c> in row <c>b % capacity</c>, each row starting with the absolute bucket number (<c>ticks / width</c>) it
/// holds. Because every row carries its bucket number nothing is ever cleared ahead of time: a row holding another
/// bucket than the one asked for is simply not there. A write to a newer bucket takes its row over; a write to a bucket
/// older than the one its row holds is dropped, since it is at least <c>capacity</c> buckets older than something
/// already seen and so outside every window the ring serves once the read time has reached that newer bucket.
/// </summary>
/// <remarks>
/// Rows are claimed one by one rather than the whole ring moving to its newest bucket, so an observation ahead of the
/// present (a clock running fast upstream) costs at most the one row it shares with a present bucket, not the ring.
/// </remarks>
internal static class Ring
{
    /// <summary>The bucket number of a row that never held one; real buckets are never negative.</summary>
    public const long Vacant = -1;

    public static int Length(int capacity, int stride) => capacity * stride;

    /// <summary>Marks every row of a freshly allocated ring vacant, so that bucket 0 is not mistaken for a held one.</summary>
    public static void Clear(long[] cells, int offset, int capacity, int stride)
    {
        for (var row = offset; row < offset + capacity * stride; row += stride)
            cells[row] = Vacant;
    }

    /// <summary>The row where <paramref name="bucket"/> lives, whichever bucket it holds now.</summary>
    public static int Row(int offset, int capacity, int stride, long bucket) => offset + (int)(bucket % capacity) * stride;

    /// <summary>Makes <paramref name="row"/> hold <paramref name="bucket"/>, with its columns zeroed.</summary>
    public static void TakeOver(long[] cells, int row, int stride, long bucket)
    {
        cells[row] = bucket;
        cells.AsSpan(row + 1, stride - 1).Clear();
    }

    /// <summary>The row that holds <paramref name="bucket"/>, or -1 if the ring does not hold it (any more).</summary>
    public static int Find(long[] cells, int offset, int capacity, int stride, long bucket)
    {
        var row = Row(offset, capacity, stride, bucket);
        return cells[row] == bucket ? row : -1;
    }

    /// <summary>
    /// The rows of buckets <paramref name="first"/>..<paramref name="last"/> (inclusive) as two runs: from the row of
    /// the first bucket towards the end of the ring, then, if the buckets wrap around it, from its start. Buckets
    /// before 0 do not exist, and no more than <paramref name="capacity"/> buckets are covered, so each row is in one
    /// run at most once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Runs(int offset, int capacity, int stride, long first, long last, out RowRun head, out RowRun tail)
    {
        first = Math.Max(first, Math.Max(0, last - capacity + 1));
        if (first > last)
        {
            head = tail = new RowRun(offset, offset, first);
            return;
        }
        var index = (int)(first % capacity);
        var inHead = (int)Math.Min(last - first + 1, capacity - index);
        var inTail = (int)(last - first + 1) - inHead;
        head = new RowRun(offset + index * stride, offset + (index + inHead) * stride, first);
        tail = new RowRun(offset, offset + inTail * stride, first + inHead);
    }
}
