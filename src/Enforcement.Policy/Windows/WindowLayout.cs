using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Windows;

/// <summary>
/// The window aggregates a policy set reads for one scope, each at a slot index, and the storage plan behind them:
/// which rings each signal feeds, with which columns and how many buckets, and which distinct values are tracked.
/// Built once per policy set and scope by <see cref="WindowLayoutBuilder"/>, immutable, shared by every subject's
/// <see cref="SubjectWindows"/>.
/// </summary>
public sealed class WindowLayout
{
    /// <param name="catalog">The catalog the requests index into; its names go into <see cref="Fingerprint"/>.</param>
    internal WindowLayout(
        SignalCatalog? catalog,
        int signalCount,
        WindowRequest[] slots,
        SlotPlan[] plans,
        SeriesPlan[] series,
        int[][] seriesBySignal,
        TrackerPlan[] distinct,
        TrackerPlan? members,
        int maxTrackedValues)
    {
        SignalCount = signalCount;
        Slots = Array.AsReadOnly(slots);
        Plans = plans;
        Series = series;
        SeriesBySignal = seriesBySignal;
        Distinct = distinct;
        Members = members;
        MaxTrackedValues = maxTrackedValues;
        BytesPerSubject = ComputeBytesPerSubject();
        Fingerprint = LayoutFingerprint.Compute(catalog, signalCount, slots, plans, series, distinct, members, maxTrackedValues);
    }

    /// <summary>No slots: every observation is ignored and nothing is allocated.</summary>
    public static WindowLayout Empty { get; } = new(null, int.MaxValue, [], [], [], [], [], null, DefaultMaxTrackedValues);

    public int SlotCount => Plans.Length;

    /// <summary>
    /// Equal for layouts whose cells mean the same, in any process: built from the same requests over the same catalog
    /// names by the same planner, with the same tracker bound. A checkpoint of a subject's windows is readable under a
    /// layout only if their fingerprints are equal.
    /// </summary>
    public ulong Fingerprint { get; }

    /// <summary>The request behind each slot, by slot index.</summary>
    public IReadOnlyList<WindowRequest> Slots { get; }

    /// <summary>
    /// The memory of one subject once every series and tracker of this layout is allocated, before any tracker
    /// remembers a value. A series (one signal at one bucket width) is one <c>long[]</c> with a row per bucket: the
    /// bucket number, then one long per column its requests read (observations, sum, min, max, one per category a
    /// share reads), so 8 × (1 + columns) bytes per bucket plus a 24-byte array header; a table of 8 bytes per series
    /// points at them. A tracker is its 72-byte object, its count rings (16 bytes per bucket) and an empty 80-byte map.
    /// Every slot but min and max adds its running total to the array of the ring it reads: 16 bytes for a count,
    /// distinct or members, 24 for a share or a sum, 32 for an average.
    /// Sizes are those of the 64-bit runtime (24-byte array headers, 16-byte object headers). Not included, because
    /// they grow with the data: each value a tracker remembers adds a map entry and bucket (28 bytes for an attribute
    /// value, kept as a 64-bit hash; 44 for an account, plus the string of its id), times the map's growth slack, up to
    /// <see cref="MaxTrackedValues"/> per tracker. <see cref="SubjectWindows.AllocatedBytes"/> counts those too.
    /// </summary>
    public long BytesPerSubject { get; }

    /// <summary>
    /// The most values one tracker (an attribute's values, or the accounts) remembers at once. Past it the least
    /// recently seen eighth is forgotten; counts stay exact until a window holds about seven eighths of it, and above
    /// that may run high (a forgotten value seen again counts twice), never low.
    /// </summary>
    public int MaxTrackedValues { get; }

    internal const int DefaultMaxTrackedValues = 65_536;

    /// <summary>Signals in the catalog the layout was built for; any signal index is accepted by the empty layout.</summary>
    internal int SignalCount { get; }

    internal SlotPlan[] Plans { get; }

    internal SeriesPlan[] Series { get; }

    /// <summary>By signal index, the series that signal feeds.</summary>
    internal int[][] SeriesBySignal { get; }

    /// <summary>One tracker per attribute some <c>distinct</c> reads.</summary>
    internal TrackerPlan[] Distinct { get; }

    /// <summary>The accounts' tracker, if <c>members</c> or <c>new_members</c> is read.</summary>
    internal TrackerPlan? Members { get; }

    private long ComputeBytesPerSubject()
    {
        long bytes = 0;
        if (Series.Length != 0)
        {
            bytes += Footprint.References(Series.Length);
            foreach (var plan in Series)
                bytes += Footprint.Longs(plan.Length);
        }
        if (Distinct.Length != 0)
        {
            bytes += Footprint.References(Distinct.Length);
            foreach (var plan in Distinct)
                bytes += EmptyTracker<ValueSeen>(plan);
        }
        if (Members is not null)
            bytes += EmptyTracker<MemberSeen>(Members);
        return bytes;
    }

    private static long EmptyTracker<TEntry>(TrackerPlan plan) where TEntry : struct, ISeen =>
        SeenTracker<string, TEntry>.ShellBytes + Footprint.Longs(plan.Length) + Footprint.Map(0, Unsafe.SizeOf<TEntry>());
}
