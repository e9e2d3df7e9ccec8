using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Persistence;

/// <summary>
/// A subject's windows in a snapshot: the fingerprint of their layout, then every series' cells and every tracker with
/// its cells and the values it remembers (an attribute value by its hash, an account by its id), each marked present
/// or not, since storage is allocated lazily.
/// </summary>
internal static class WindowsCodec
{
    public static void Write(SnapshotWriter writer, SubjectWindows windows)
    {
        writer.Fixed(windows.Layout.Fingerprint);

        var series = windows.SeriesCells;
        writer.Unsigned((ulong)(series?.Length ?? 0));
        foreach (var cells in series ?? [])
        {
            writer.Bool(cells is not null);
            if (cells is not null)
                writer.Cells(cells);
        }

        var distinct = windows.DistinctTrackers;
        writer.Unsigned((ulong)(distinct?.Length ?? 0));
        foreach (var tracker in distinct ?? [])
        {
            writer.Bool(tracker is not null);
            if (tracker is null)
                continue;
            WriteTracker(writer, tracker);
            foreach (var (value, seen) in tracker.Entries)
            {
                writer.Fixed(value);
                writer.Signed(tracker.NewestSeen - seen.Last);
            }
        }

        var members = windows.MemberTracker;
        writer.Bool(members is not null);
        if (members is not null)
        {
            WriteTracker(writer, members);
            foreach (var (account, seen) in members.Entries)
            {
                writer.Text(account);
                writer.Signed(members.NewestSeen - seen.Last);
                writer.Signed(seen.Last - seen.First);
                writer.Signed(seen.Created);
            }
        }
    }

    /// <summary>The fingerprint of the layout the windows were written under, which the caller compares before <see cref="Read"/>.</summary>
    public static ulong ReadFingerprint(ref SnapshotReader reader) => reader.Fixed();

    /// <summary>Windows of <paramref name="layout"/>, whose fingerprint the snapshot's matched, holding what they held.</summary>
    public static SubjectWindows Read(ref SnapshotReader reader, WindowLayout layout)
    {
        var windows = new SubjectWindows(layout);

        long[]?[]? series = null;
        var seriesCount = reader.Count("series");
        if (seriesCount != 0)
        {
            Expect(seriesCount, layout.Series.Length, "series");
            series = new long[]?[seriesCount];
            for (var i = 0; i < seriesCount; i++)
                series[i] = reader.Bool() ? reader.Cells(layout.Series[i].Length) : null;
        }

        DistinctTracker?[]? distinct = null;
        var distinctCount = reader.Count("attribute trackers");
        if (distinctCount != 0)
        {
            Expect(distinctCount, layout.Distinct.Length, "attribute trackers");
            distinct = new DistinctTracker?[distinctCount];
            for (var i = 0; i < distinctCount; i++)
            {
                if (!reader.Bool())
                    continue;
                var tracker = new DistinctTracker(layout.Distinct[i], layout.MaxTrackedValues);
                var count = ReadTracker(ref reader, tracker, layout.Distinct[i], layout.MaxTrackedValues);
                for (var v = 0; v < count; v++)
                {
                    var value = reader.Fixed();
                    var seen = new ValueSeen { Last = tracker.NewestSeen - reader.Signed() };
                    if (!tracker.Remember(value, seen))
                        throw SnapshotReader.Invalid($"the value {value:x16} is remembered twice");
                }
                distinct[i] = tracker;
            }
        }

        MemberTracker? members = null;
        if (reader.Bool())
        {
            var plan = layout.Members ?? throw SnapshotReader.Invalid("accounts are tracked where the layout tracks none");
            members = new MemberTracker(plan, layout.MaxTrackedValues);
            var count = ReadTracker(ref reader, members, plan, layout.MaxTrackedValues);
            for (var v = 0; v < count; v++)
            {
                var account = reader.Text();
                var last = members.NewestSeen - reader.Signed();
                var seen = new MemberSeen { Last = last, First = last - reader.Signed(), Created = reader.Signed() };
                if (!members.Remember(account, seen))
                    throw SnapshotReader.Invalid($"the account '{account}' is remembered twice");
            }
        }

        windows.Restore(series, distinct, members);
        return windows;
    }

    private static void WriteTracker<TKey, TEntry>(SnapshotWriter writer, SeenTracker<TKey, TEntry> tracker)
        where TKey : notnull
        where TEntry : struct, ISeen
    {
        writer.Signed(tracker.NewestSeen);
        writer.Signed(tracker.NextSweep - tracker.NewestSeen);
        writer.Signed(tracker.MapCapacity);
        writer.Cells(tracker.Cells);
        writer.Unsigned((ulong)tracker.Entries.Count);
    }

    /// <summary>Restores the tracker's times and cells, and returns how many values follow.</summary>
    private static int ReadTracker<TKey, TEntry>(ref SnapshotReader reader, SeenTracker<TKey, TEntry> tracker, TrackerPlan plan, int maxValues)
        where TKey : notnull
        where TEntry : struct, ISeen
    {
        var newest = reader.Signed();
        var sweep = newest + reader.Signed();
        // The map holds at most one value past the bound before it is trimmed, so doubling once is as large as it grows.
        var capacity = reader.Int("a map capacity", 0, (int)Math.Min(Array.MaxLength, 4L * maxValues + 64));
        var cells = reader.Cells(plan.Length);
        var count = reader.Count("remembered values");
        if (capacity < count)
            throw SnapshotReader.Invalid($"{count} values in a map of capacity {capacity}");
        tracker.Restore(newest, sweep, capacity, cells);
        return count;
    }

    private static void Expect(int count, int expected, string what)
    {
        if (count != expected)
            throw SnapshotReader.Invalid($"{count} {what} where the layout has {expected}");
    }
}
