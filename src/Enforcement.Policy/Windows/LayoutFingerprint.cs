using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Windows;

/// <summary>
/// A 64-bit digest of everything that decides what a subject's cells mean under a <see cref="WindowLayout"/>: every
/// slot's request (with the catalog's names for its signal, category and attribute, so that a reordered catalog is a
/// different layout), every plan the planner derived from them, and the tracker bound. Written out field by field and
/// hashed with SHA-256, so two processes that build the same layout, on any machine, agree on it; a change to the
/// planner changes it too, which is what a checkpoint's windows need to know.
/// </summary>
internal static class LayoutFingerprint
{
    private const string Format = "enforcement/window-layout/1";

    public static ulong Compute(
        SignalCatalog? catalog,
        int signalCount,
        WindowRequest[] slots,
        SlotPlan[] plans,
        SeriesPlan[] series,
        TrackerPlan[] distinct,
        TrackerPlan? members,
        int maxTrackedValues)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(signalCount);
            writer.Write(maxTrackedValues);

            writer.Write(slots.Length);
            foreach (var request in slots)
                Request(writer, catalog, request);
            foreach (var plan in plans)
                Slot(writer, plan);

            writer.Write(series.Length);
            foreach (var plan in series)
            {
                writer.Write(plan.Signal);
                writer.Write(plan.Width);
                writer.Write(plan.Capacity);
                writer.Write(plan.Stride);
                writer.Write(plan.Observations);
                writer.Write(plan.Sum);
                writer.Write(plan.Min);
                writer.Write(plan.Max);
                Ints(writer, plan.Categories);
                Slots(writer, plan.Readers);
                writer.Write(plan.Length);
            }

            writer.Write(distinct.Length);
            foreach (var plan in distinct)
                Tracker(writer, plan);
            writer.Write(members is not null);
            if (members is not null)
                Tracker(writer, members);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private static void Request(BinaryWriter writer, SignalCatalog? catalog, WindowRequest request)
    {
        writer.Write((int)request.Kind);
        writer.Write(request.Window.Ticks);
        writer.Write(request.Signal);
        writer.Write(request.Category);
        writer.Write(request.Attribute);
        writer.Write(request.Age.Ticks);
        var signal = catalog is not null && (uint)request.Signal < (uint)catalog.Signals.Length ? catalog.Signals[request.Signal] : null;
        writer.Write(signal?.Name ?? "");
        writer.Write(signal is not null && (uint)request.Category < (uint)signal.Values.Length ? signal.Values[request.Category] : "");
        writer.Write(catalog is not null && (uint)request.Attribute < (uint)catalog.Attributes.Length ? catalog.Attributes[request.Attribute] : "");
    }

    private static void Tracker(BinaryWriter writer, TrackerPlan plan)
    {
        writer.Write(plan.Attribute);
        writer.Write(plan.Retention);
        writer.Write(plan.Length);
        Rings(writer, plan.LastSeen);
        Rings(writer, plan.FirstSeen);
    }

    private static void Rings(BinaryWriter writer, TrackerRing[] rings)
    {
        writer.Write(rings.Length);
        foreach (var ring in rings)
        {
            writer.Write(ring.Width);
            writer.Write(ring.Capacity);
            writer.Write(ring.Offset);
            writer.Write(ring.Age);
            Slots(writer, ring.Readers);
        }
    }

    private static void Slots(BinaryWriter writer, SlotPlan[] plans)
    {
        writer.Write(plans.Length);
        foreach (var plan in plans)
            Slot(writer, plan);
    }

    private static void Slot(BinaryWriter writer, SlotPlan plan)
    {
        writer.Write((int)plan.Reader);
        writer.Write(plan.Target);
        writer.Write(plan.Offset);
        writer.Write(plan.Width);
        writer.Write(plan.Buckets);
        writer.Write(plan.Capacity);
        writer.Write(plan.Stride);
        writer.Write(plan.ColumnA);
        writer.Write(plan.ColumnB);
        writer.Write(plan.Total);
    }

    private static void Ints(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
            writer.Write(value);
    }
}
