using System.Diagnostics.CodeAnalysis;

namespace Enforcement.Policy.Windows;

/// <summary>
/// One subject's window aggregates under one <see cref="WindowLayout"/>: observations go in through <see cref="Add"/>,
/// compiled conditions read their slots through <see cref="Read"/>. Storage is allocated lazily, a signal's rings on
/// its first observation and a tracker on its first value, so a subject pays only for what it actually sent.
/// Not thread-safe: the subject's grain feeds and reads it one call at a time.
/// </summary>
public sealed class SubjectWindows(WindowLayout layout)
{
    private readonly WindowLayout layout = layout ?? throw new ArgumentNullException(nameof(layout));
    private long[]?[]? series;
    private DistinctTracker?[]? distinct;
    private MemberTracker? members;

    public WindowLayout Layout => layout;

    /// <summary>
    /// What this subject's windows hold now: its rings, its trackers with the values they remember and the tables that
    /// point at them; 0 for a subject that has observed nothing. The few bytes of this object itself are not counted.
    /// </summary>
    public long AllocatedBytes
    {
        get
        {
            long bytes = 0;
            if (series is not null)
            {
                bytes += Footprint.References(series.Length);
                foreach (var cells in series)
                    bytes += cells is null ? 0 : Footprint.Longs(cells.Length);
            }
            if (distinct is not null)
            {
                bytes += Footprint.References(distinct.Length);
                foreach (var tracker in distinct)
                    bytes += tracker?.AllocatedBytes ?? 0;
            }
            return bytes + (members?.AllocatedBytes ?? 0);
        }
    }

    /// <summary>
    /// Counts one observation in every window that reads its signal, its attributes or its account. An observation
    /// older than a ring is dropped from that ring (it could not be inside any of its windows once the read time has
    /// reached the observations already seen); one ahead of the read time is kept and becomes visible once the read
    /// time reaches its bucket. Order does not matter otherwise: for any read time at or after every observation,
    /// each slot reads exactly what a scan of all observations would.
    /// </summary>
    public void Add(in Observation observation)
    {
        if ((uint)observation.Signal >= (uint)layout.SignalCount)
            ThrowSignalOutOfRange(observation.Signal);
        if (observation.At < 0)
            ThrowNegativeTime(observation.At);

        var bySignal = layout.SeriesBySignal;
        if (observation.Signal < bySignal.Length)
        {
            foreach (var index in bySignal[observation.Signal])
                AddToSeries(index, in observation);
        }
        if (layout.Distinct.Length != 0)
            AddToDistinct(in observation);
        if (layout.Members is { } plan)
            (members ??= new MemberTracker(plan, layout.MaxTrackedValues)).Observe(observation.Account, observation.AccountCreated, observation.At);
    }

    /// <summary>
    /// The value of a slot's aggregate over the buckets <c>now/width - n + 1 .. now/width</c>, the current partial
    /// bucket included. Empty windows read 0 for count, sum, share, distinct and members, and NaN for avg, min and max.
    /// </summary>
    public double Read(int slot, long nowTicks)
    {
        var plans = layout.Plans;
        if ((uint)slot >= (uint)plans.Length)
            ThrowSlotOutOfRange(slot);
        if (nowTicks < 0)
            ThrowNegativeTime(nowTicks);

        ref readonly var plan = ref plans[slot];
        var cells = plan.Reader switch
        {
            SlotReader.Distinct => distinct?[plan.Target]?.Cells,
            SlotReader.Members => members?.Cells,
            _ => series?[plan.Target],
        };
        var last = nowTicks / plan.Width;
        var first = last - plan.Buckets + 1;
        return cells is null ? EmptyValue(plan.Reader) : Aggregate(cells, in plan, first, last);
    }

    private void AddToSeries(int index, in Observation observation)
    {
        ref readonly var plan = ref layout.Series[index];
        series ??= new long[]?[layout.Series.Length];
        var cells = series[index];
        if (cells is null)
        {
            cells = new long[plan.Length];
            Ring.Clear(cells, 0, plan.Capacity, plan.Stride);
            series[index] = cells;
        }

        var row = Ring.Claim(cells, 0, plan.Capacity, plan.Stride, observation.At / plan.Width, out var fresh);
        if (row < 0)
            return;
        var value = observation.Value;
        if (plan.Observations != 0)
            cells[row + plan.Observations]++;
        if (plan.Sum != 0)
        {
            ref var sum = ref cells[row + plan.Sum];
            sum = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(sum) + value);
        }
        if (plan.Min != 0)
        {
            ref var min = ref cells[row + plan.Min];
            if (fresh || value < BitConverter.Int64BitsToDouble(min))
                min = BitConverter.DoubleToInt64Bits(value);
        }
        if (plan.Max != 0)
        {
            ref var max = ref cells[row + plan.Max];
            if (fresh || value > BitConverter.Int64BitsToDouble(max))
                max = BitConverter.DoubleToInt64Bits(value);
        }
        var categories = plan.Categories;
        if ((uint)observation.Category < (uint)categories.Length && categories[observation.Category] is var column and not 0)
            cells[row + column]++;
    }

    private void AddToDistinct(in Observation observation)
    {
        var attributes = observation.Attributes;
        if (attributes is null)
            return;
        var plans = layout.Distinct;
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = plans[i];
            if ((uint)plan.Attribute >= (uint)attributes.Length || attributes[plan.Attribute] is not { } value)
                continue;
            distinct ??= new DistinctTracker?[plans.Length];
            (distinct[i] ??= new DistinctTracker(plan, layout.MaxTrackedValues)).Observe(value, observation.At);
        }
    }

    private static double Aggregate(long[] cells, in SlotPlan plan, long first, long last)
    {
        var rows = Ring.Rows(cells, plan.Offset, plan.Capacity, plan.Stride, first, last);
        switch (plan.Reader)
        {
            case SlotReader.Sum:
            {
                var sum = 0.0;
                foreach (var row in rows)
                    sum += BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]);
                return sum;
            }
            case SlotReader.Avg:
            {
                var sum = 0.0;
                long count = 0;
                foreach (var row in rows)
                {
                    sum += BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]);
                    count += cells[row + plan.ColumnB];
                }
                return count == 0 ? double.NaN : sum / count;
            }
            case SlotReader.Min:
            {
                var min = double.NaN;
                foreach (var row in rows)
                {
                    var value = BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]);
                    if (!(value >= min))
                        min = value;
                }
                return min;
            }
            case SlotReader.Max:
            {
                var max = double.NaN;
                foreach (var row in rows)
                {
                    var value = BitConverter.Int64BitsToDouble(cells[row + plan.ColumnA]);
                    if (!(value <= max))
                        max = value;
                }
                return max;
            }
            case SlotReader.Share:
            {
                long hits = 0;
                long all = 0;
                foreach (var row in rows)
                {
                    hits += cells[row + plan.ColumnA];
                    all += cells[row + plan.ColumnB];
                }
                return all == 0 ? 0 : (double)hits / all;
            }
            default:
            {
                // Observations, and the count rings of distinct and members.
                long count = 0;
                foreach (var row in rows)
                    count += cells[row + plan.ColumnA];
                return count;
            }
        }
    }

    private static double EmptyValue(SlotReader reader) =>
        reader is SlotReader.Avg or SlotReader.Min or SlotReader.Max ? double.NaN : 0;

    [DoesNotReturn]
    private static void ThrowSignalOutOfRange(int signal) =>
        throw new ArgumentOutOfRangeException(nameof(signal), signal, "The observation's signal is not in the catalog the layout was built for.");

    [DoesNotReturn]
    private static void ThrowSlotOutOfRange(int slot) =>
        throw new ArgumentOutOfRangeException(nameof(slot), slot, "The layout has no such slot.");

    [DoesNotReturn]
    private static void ThrowNegativeTime(long ticks) =>
        throw new ArgumentOutOfRangeException(nameof(ticks), ticks, "Times are UTC ticks and cannot be negative.");
}
