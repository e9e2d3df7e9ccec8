namespace Enforcement.Policy.Windows;

/// <summary>
/// The running total of an additive slot (<c>count</c>, <c>sum</c>, <c>avg</c>, <c>share</c>, <c>distinct</c>,
/// <c>members</c>, <c>new_members</c>): the slot's <see cref="Tally"/> over the window ending at one bucket, kept in a
/// few longs after the rings of the slot's cells, so that a read in that bucket costs one comparison. Every change to a
/// row inside that window is mirrored in the total as it happens: an observation added, a tracker's count moved, a row
/// taken over by a newer bucket. A read in a later bucket moves the window there: it takes out the rows of the buckets
/// that left and adds those of the buckets that came in, which in steady state happens once per bucket, not once per
/// read. A read in an earlier bucket than the total's (a late evaluation) scans the rows, exactly as a read always did,
/// and leaves the total where it is, for the present.
/// </summary>
/// <remarks>
/// <para>
/// Reads therefore write: a subject's windows are fed and read by one grain, one call at a time, and so are these.
/// </para>
/// <para>
/// Counts are exact (they are whole numbers, which a double holds exactly below 2^53). Sums of whole numbers are exact
/// too. A sum of fractional values is not associative, so once rows have come and gone it may differ from a scan of
/// the same rows in its last bits, as a scan differs from the sum of the raw values in arrival order. It cannot drift:
/// each addition or subtraction rounds by at most 2^-53 of its result, so the sum of the results' magnitudes since the
/// sum was last built from its rows (its mass) bounds what the rounding may have accumulated, and once the mass is more
/// than 2^20 times the sum itself (an error of 2^-33 of the sum), or the sum is not finite, the next read rebuilds it
/// from the rows. That covers a window that has emptied too: rounding leaves far less than 2^-20 of the mass, so a
/// sum whose true value is 0 is rebuilt, to exactly 0.
/// </para>
/// </remarks>
internal static class RunningTotal
{
    // A slot's block of longs: the first tick of the bucket its window ends at, then A as the bits of a double, then B
    // for avg and share, then the mass as the bits of a double for sum and avg (the block's last long).
    private const int Since = 0;
    private const int A = 1;
    private const int B = 2;

    /// <summary>The <c>Since</c> of a total that must be rebuilt: its window holds no bucket, and every read moves it.</summary>
    private const long Unset = long.MinValue;

    private const double DriftLimit = 1 << 20;

    /// <summary>The longs of a slot's block; none for <c>min</c> and <c>max</c>, which scan.</summary>
    public static int Longs(SlotReader reader) => reader switch
    {
        SlotReader.Min or SlotReader.Max => 0,
        SlotReader.Avg => 4,
        SlotReader.Sum or SlotReader.Share => 3,
        _ => 2,
    };

    public static int Longs(SlotPlan[] readers)
    {
        var longs = 0;
        foreach (var reader in readers)
            longs += Longs(reader.Reader);
        return longs;
    }

    /// <summary>Marks the totals of freshly allocated cells to be built by their first read.</summary>
    public static void Clear(long[] cells, SlotPlan[] readers)
    {
        foreach (var reader in readers)
            cells[reader.Total + Since] = Unset;
    }

    /// <summary>The slot's value over the buckets <c>now/width - n + 1 .. now/width</c>, as a scan of its rows reads it.</summary>
    public static double Read(long[] cells, in SlotPlan plan, long nowTicks)
    {
        if ((ulong)(nowTicks - cells[plan.Total + Since]) < (ulong)plan.Width)
            return Value(cells, in plan);
        return Move(cells, in plan, nowTicks);
    }

    /// <summary>
    /// The row of <paramref name="bucket"/>, claimed for a write as <see cref="Ring"/> describes: taken over, with the
    /// bucket it held first taken out of every total whose window holds that bucket, if it held an older one; -1 if it
    /// holds a newer one.
    /// </summary>
    public static int Claim(long[] cells, SlotPlan[] readers, int offset, int capacity, int stride, long width, long bucket, out bool fresh)
    {
        var row = Ring.Row(offset, capacity, stride, bucket);
        var held = cells[row];
        fresh = held < bucket;
        if (fresh)
        {
            if (held != Ring.Vacant)
            {
                foreach (ref readonly var reader in new ReadOnlySpan<SlotPlan>(readers))
                {
                    if (Holds(cells, in reader, held * width))
                        Apply(cells, in reader, -RingScan.Row(cells, in reader, row));
                }
            }
            Ring.TakeOver(cells, row, stride, bucket);
        }
        else if (held > bucket)
        {
            return -1;
        }
        return row;
    }

    /// <summary>
    /// Mirrors an observation just added to a series row of the bucket starting at <paramref name="bucketStart"/>:
    /// one more observation, <paramref name="value"/> more in the sum, one more in <paramref name="categoryColumn"/>
    /// (0 if none).
    /// </summary>
    public static void Observe(long[] cells, SlotPlan[] readers, long bucketStart, double value, int categoryColumn)
    {
        foreach (ref readonly var reader in new ReadOnlySpan<SlotPlan>(readers))
        {
            if (!Holds(cells, in reader, bucketStart))
                continue;
            var change = reader.Reader switch
            {
                SlotReader.Sum => new Tally(value, 0),
                SlotReader.Avg => new Tally(value, 1),
                SlotReader.Share => new Tally(categoryColumn == reader.ColumnA ? 1 : 0, 1),
                _ => new Tally(1, 0),
            };
            Apply(cells, in reader, change);
        }
    }

    /// <summary>Mirrors a tracker's count in the bucket starting at <paramref name="bucketStart"/> going up or down by one.</summary>
    public static void Count(long[] cells, SlotPlan[] readers, long bucketStart, int change)
    {
        foreach (ref readonly var reader in new ReadOnlySpan<SlotPlan>(readers))
        {
            if (Holds(cells, in reader, bucketStart))
                Apply(cells, in reader, new Tally(change, 0));
        }
    }

    // Whether the total's window holds the bucket starting at `bucketStart`. Both ends are multiples of the width, so
    // the window's n buckets are the differences 0, w, .. (n-1)w. An unset total's difference wraps to above 2^62.
    private static bool Holds(long[] cells, in SlotPlan plan, long bucketStart) =>
        (ulong)(cells[plan.Total + Since] - bucketStart) < (ulong)plan.Span;

    private static double Move(long[] cells, in SlotPlan plan, long nowTicks)
    {
        var since = cells[plan.Total + Since];
        var last = nowTicks / plan.Width;
        if (since != Unset)
        {
            var held = since / plan.Width;
            if (last < held)
            {
                var scanned = RingScan.Totals(cells, in plan, last - plan.Buckets + 1, last);
                return Tally.Value(plan.Reader, scanned.A, scanned.B);
            }
            if (last - held < plan.Buckets)
            {
                Apply(cells, in plan, -RingScan.Totals(cells, in plan, held - plan.Buckets + 1, last - plan.Buckets));
                Apply(cells, in plan, RingScan.Totals(cells, in plan, held + 1, last));
                if (cells[plan.Total + Since] != Unset)
                {
                    cells[plan.Total + Since] = last * plan.Width;
                    return Value(cells, in plan);
                }
            }
        }
        Rebuild(cells, in plan, last);
        return Value(cells, in plan);
    }

    private static void Rebuild(long[] cells, in SlotPlan plan, long last)
    {
        var at = plan.Total;
        var tally = RingScan.Totals(cells, in plan, last - plan.Buckets + 1, last);
        cells[at + Since] = last * plan.Width;
        cells[at + A] = BitConverter.DoubleToInt64Bits(tally.A);
        if (plan.Reader is SlotReader.Avg or SlotReader.Share)
            cells[at + B] = tally.B;
        if (plan.Reader is SlotReader.Sum or SlotReader.Avg)
            cells[MassOf(in plan)] = BitConverter.DoubleToInt64Bits(Math.Abs(tally.A));
    }

    private static void Apply(long[] cells, in SlotPlan plan, Tally change)
    {
        var at = plan.Total;
        ref var a = ref cells[at + A];
        var total = BitConverter.Int64BitsToDouble(a) + change.A;
        a = BitConverter.DoubleToInt64Bits(total);
        if (plan.Reader is SlotReader.Avg or SlotReader.Share)
            cells[at + B] += change.B;
        if (plan.Reader is SlotReader.Sum or SlotReader.Avg)
        {
            ref var mass = ref cells[MassOf(in plan)];
            var sinceBuilt = BitConverter.Int64BitsToDouble(mass) + Math.Abs(total);
            mass = BitConverter.DoubleToInt64Bits(sinceBuilt);
            if (!(sinceBuilt <= DriftLimit * Math.Abs(total)))
                cells[at + Since] = Unset;
        }
    }

    private static int MassOf(in SlotPlan plan) => plan.Total + Longs(plan.Reader) - 1;

    private static double Value(long[] cells, in SlotPlan plan)
    {
        var a = BitConverter.Int64BitsToDouble(cells[plan.Total + A]);
        return plan.Reader is SlotReader.Avg or SlotReader.Share ? Tally.Value(plan.Reader, a, cells[plan.Total + B]) : a;
    }
}
