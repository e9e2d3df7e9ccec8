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

    /// <summary>
    /// The row that holds <paramref name="bucket"/>, taking it over (with its columns zeroed) if it held an older
    /// bucket; -1 when it holds a newer one, which means <paramref name="bucket"/> has left the ring.
    /// </summary>
    public static int Claim(long[] cells, int offset, int capacity, int stride, long bucket, out bool fresh)
    {
        var row = offset + (int)(bucket % capacity) * stride;
        var held = cells[row];
        fresh = held < bucket;
        if (fresh)
        {
            cells[row] = bucket;
            cells.AsSpan(row + 1, stride - 1).Clear();
        }
        else if (held > bucket)
        {
            return -1;
        }
        return row;
    }

    /// <summary>The row that holds <paramref name="bucket"/>, or -1 if the ring does not hold it (any more).</summary>
    public static int Find(long[] cells, int offset, int capacity, int stride, long bucket)
    {
        var row = offset + (int)(bucket % capacity) * stride;
        return cells[row] == bucket ? row : -1;
    }

    /// <summary>The rows holding buckets <paramref name="first"/>..<paramref name="last"/> (inclusive) that the ring holds.</summary>
    public static RowCursor Rows(long[] cells, int offset, int capacity, int stride, long first, long last) =>
        new(cells, offset, capacity, stride, first, last);

    /// <summary>Walks a window of buckets without allocating; use with <c>foreach</c>.</summary>
    internal ref struct RowCursor
    {
        private readonly long[] cells;
        private readonly int offset;
        private readonly int capacity;
        private readonly int stride;
        private readonly long last;
        private long bucket;
        private int slot;

        public RowCursor(long[] cells, int offset, int capacity, int stride, long first, long last)
        {
            this.cells = cells;
            this.offset = offset;
            this.capacity = capacity;
            this.stride = stride;
            this.last = last;
            // No window is deeper than its ring; the clamp keeps each row visited once even so.
            first = Math.Max(first, Math.Max(0, last - capacity + 1));
            bucket = first - 1;
            slot = (int)(first % capacity) - 1;
            Current = -1;
        }

        public int Current { get; private set; }

        public readonly RowCursor GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++bucket <= last)
            {
                if (++slot == capacity)
                    slot = 0;
                var row = offset + slot * stride;
                if (cells[row] == bucket)
                {
                    Current = row;
                    return true;
                }
            }
            return false;
        }
    }
}
