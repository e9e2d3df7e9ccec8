using System.Diagnostics.CodeAnalysis;

namespace Enforcement.Policy.Windows;

/// <summary>
/// One subject's window aggregates under one <see cref="WindowLayout"/>: observations go in through <see cref="Add"/>,
/// compiled conditions read their slots through <see cref="Read"/>. Storage is allocated lazily, a signal's rings on
/// its first observation and a tracker on its first value, so a subject pays only for what it actually sent.
/// Not thread-safe, and reads write (they move running totals): the subject's grain feeds and reads it one call at a time.
/// </summary>
public sealed class SubjectWindows(WindowLayout layout)
{
    private readonly WindowLayout layout = layout ?? throw new ArgumentNullException(nameof(layout));
    private long[]?[]? series;
    private DistinctTracker?[]? distinct;
    private MemberTracker? members;

    public WindowLayout Layout => layout;

    /// <summary>By series index, the cells of each series allocated so far; null before the first.</summary>
    internal long[]?[]? SeriesCells => series;

    /// <summary>By tracker index, each attribute tracker made so far; null before the first.</summary>
    internal DistinctTracker?[]? DistinctTrackers => distinct;

    /// <summary>The accounts' tracker, once made.</summary>
    internal MemberTracker? MemberTracker => members;

    /// <summary>Gives a fresh windows object the storage a snapshot recorded, made for this object's layout.</summary>
    internal void Restore(long[]?[]? seriesCells, DistinctTracker?[]? distinctTrackers, MemberTracker? memberTracker)
    {
        if (series is not null || distinct is not null || members is not null)
            throw new InvalidOperationException("Only windows that have observed nothing can be restored.");
        series = seriesCells;
        distinct = distinctTrackers;
        members = memberTracker;
    }

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
    /// <remarks>
    /// A read writes: every aggregate but min and max answers from a <see cref="RunningTotal"/>, which a read in a later
    /// bucket than the last moves there (once per bucket, then reads in that bucket cost a comparison). A read in an
    /// earlier bucket scans the window's rows and leaves the totals as they are. Min and max always scan.
    /// </remarks>
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
        if (cells is null)
            return EmptyValue(plan.Reader);
        if (plan.Total != 0)
            return RunningTotal.Read(cells, in plan, nowTicks);
        var last = nowTicks / plan.Width;
        var first = last - plan.Buckets + 1;
        return plan.Reader == SlotReader.Min ? RingScan.Min(cells, in plan, first, last) : RingScan.Max(cells, in plan, first, last);
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
            RunningTotal.Clear(cells, plan.Readers);
            series[index] = cells;
        }

        var bucket = observation.At / plan.Width;
        var row = RunningTotal.Claim(cells, plan.Readers, 0, plan.Capacity, plan.Stride, plan.Width, bucket, out var fresh);
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
        var category = (uint)observation.Category < (uint)categories.Length ? categories[observation.Category] : 0;
        if (category != 0)
            cells[row + category]++;
        if (plan.Readers.Length != 0)
            RunningTotal.Observe(cells, plan.Readers, bucket * plan.Width, value, category);
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
            (distinct[i] ??= new DistinctTracker(plan, layout.MaxTrackedValues)).Observe(ValueHash.Of(value), observation.At);
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
