using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

public sealed class WindowMemoryTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    private static WindowLayout SeriesLayout()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        builder.Add(new WindowRequest(AggregateKind.Count, OneHour, Request));
        builder.Add(new WindowRequest(AggregateKind.Avg, TimeSpan.FromDays(30), Cot));
        builder.Add(new WindowRequest(AggregateKind.Share, TimeSpan.FromMinutes(10), Capability, Category: Coding));
        return builder.Build();
    }

    private static WindowLayout FullLayout()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        builder.Add(new WindowRequest(AggregateKind.Count, OneHour, Request));
        builder.Add(new WindowRequest(AggregateKind.Max, TimeSpan.FromDays(3), Tokens));
        builder.Add(new WindowRequest(AggregateKind.Distinct, OneHour, Attribute: Template));
        builder.Add(new WindowRequest(AggregateKind.Distinct, TimeSpan.FromDays(1), Attribute: PaymentAttribute));
        builder.Add(new WindowRequest(AggregateKind.Members, TimeSpan.FromDays(1)));
        builder.Add(new WindowRequest(AggregateKind.NewMembers, TimeSpan.FromDays(1), Age: TimeSpan.FromDays(7)));
        return builder.Build();
    }

    [Fact]
    public void A_subject_that_observed_nothing_holds_nothing()
    {
        Assert.Equal(0, new SubjectWindows(FullLayout()).AllocatedBytes);
    }

    [Fact]
    public void Signals_a_subject_never_sent_allocate_nothing()
    {
        var layout = SeriesLayout();
        var subject = new SubjectWindows(layout);

        subject.Add(Observe(Request, TimeSpan.Zero));
        var afterRequest = subject.AllocatedBytes;
        subject.Add(Observe(Request, TimeSpan.FromMinutes(1)));
        subject.Add(Observe(Capability, TimeSpan.FromMinutes(2), category: Coding));
        var afterCapability = subject.AllocatedBytes;
        subject.Add(Observe(Cot, TimeSpan.FromMinutes(3), value: 0.5));

        // The ring of `request` (twelve rows of bucket number and sum, then the three longs of its count's running
        // total, a sum since `request` is a count signal) and the table of three series.
        Assert.Equal(24 + 8 * (12 * 2 + 3) + 24 + 8 * 3, afterRequest);
        Assert.True(afterCapability > afterRequest);
        Assert.True(subject.AllocatedBytes > afterCapability);
        Assert.Equal(layout.BytesPerSubject, subject.AllocatedBytes);
    }

    [Fact]
    public void BytesPerSubject_is_what_a_subject_holds_once_every_series_and_tracker_is_allocated_before_its_values()
    {
        var layout = FullLayout();
        var subject = new SubjectWindows(layout);

        subject.Add(Observe(Request, TimeSpan.Zero, account: "a", attributes: (Template, "t")));
        subject.Add(Observe(Tokens, TimeSpan.Zero, value: 5, account: "a"));
        subject.Add(Observe(Payment, TimeSpan.Zero, account: "a", attributes: (PaymentAttribute, "p")));

        // Beyond the layout's figure: one value in each of three maps (grown to their first capacity of 3), and the
        // account's string; attribute values are remembered by their hash and keep no string alive.
        var values = 2 * TrackedValues(entryBytes: 24, strings: []) + TrackedValues(entryBytes: 40, strings: [1]);
        Assert.Equal(layout.BytesPerSubject + values, subject.AllocatedBytes);
    }

    [Fact]
    public void Each_slot_but_min_and_max_keeps_a_running_total_of_a_few_longs_beside_its_ring()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        builder.Add(new WindowRequest(AggregateKind.Count, OneHour, Payment));
        builder.Add(new WindowRequest(AggregateKind.Avg, OneHour, Payment));
        builder.Add(new WindowRequest(AggregateKind.Min, OneHour, Payment));
        builder.Add(new WindowRequest(AggregateKind.Share, OneHour, Capability, Category: Coding));
        builder.Add(new WindowRequest(AggregateKind.Distinct, OneHour, Attribute: Template));

        var layout = builder.Build();

        // `payment`: twelve rows of bucket, observations, sum and min, then 2 longs for the count, 4 for the average
        // (where it ends, sum, observations and the sum's drift guard), none for the min. `capability`: twelve rows of bucket, observations
        // and `coding`, then 3 longs for the share. The tracker: its object, twelve rows of bucket and count, 2 longs
        // for the distinct count, its empty map. And the tables of two series and one tracker.
        var payment = 24 + 8 * (12 * 4 + 2 + 4);
        var capability = 24 + 8 * (12 * 3 + 3);
        var tracker = 72 + (24 + 8 * (12 * 2 + 2)) + 80;
        Assert.Equal((24 + 8 * 2) + payment + capability + (24 + 8) + tracker, layout.BytesPerSubject);
    }

    [Fact]
    public void AllocatedBytes_agrees_with_what_the_runtime_allocated()
    {
        var layout = FullLayout();
        Observation[] observations =
        [
            Observe(Request, TimeSpan.Zero, account: "a", attributes: (Template, "t")),
            Observe(Tokens, TimeSpan.Zero, value: 5, account: "a"),
            Observe(Payment, TimeSpan.Zero, account: "b", attributes: (PaymentAttribute, "p")),
        ];
        var strings = 2 * StringBytes(1); // the accounts "a" and "b"; the attribute values "t" and "p" are kept as hashes
        Feed(new SubjectWindows(layout), observations); // warms up every path, so that what follows allocates only storage

        var before = GC.GetAllocatedBytesForCurrentThread();
        var subject = new SubjectWindows(layout);
        Feed(subject, observations);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The subject object itself is the one allocation AllocatedBytes leaves out; the strings are the caller's.
        Assert.Equal(allocated - ObjectBytes(subject), subject.AllocatedBytes - strings);
    }

    [Fact]
    public void Add_and_Read_allocate_nothing_once_a_subjects_values_are_known()
    {
        var layout = FullLayout();
        var subject = new SubjectWindows(layout);
        var observations = Enumerable.Range(0, 50)
            .Select(i => Observe(i % 2 == 0 ? Request : Payment, TimeSpan.FromSeconds(i), account: $"a-{i % 3}", attributes: [(Template, $"t-{i % 4}"), (PaymentAttribute, "p")]))
            .ToArray();
        var later = observations.Select(o => o with { At = o.At + TimeSpan.TicksPerMinute }).ToArray();
        Feed(subject, observations);
        var reads = new double[layout.SlotCount];

        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(subject, later);
        for (var slot = 0; slot < reads.Length; slot++)
        {
            reads[slot] = subject.Read(slot, later[^1].At);
            // Every path a read takes: the running total as it is, scanning an earlier window, moving a day on.
            subject.Read(slot, later[^1].At);
            subject.Read(slot, observations[0].At);
            subject.Read(slot, later[^1].At + TimeSpan.TicksPerDay);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal([50, double.NaN, 4, 1, 3, 3], reads);
    }

    private static void Feed(SubjectWindows subject, ReadOnlySpan<Observation> observations)
    {
        foreach (ref readonly var observation in observations)
            subject.Add(in observation);
    }

    /// <summary>
    /// The bytes tracked values add to a map that has grown to its first capacity of 3: the entry array, the bucket
    /// array of three ints, and the strings.
    /// </summary>
    private static long TrackedValues(int entryBytes, int[] strings) =>
        (24 + 3L * entryBytes) + (24 + 16) + strings.Sum(StringBytes);

    /// <summary>A string: header, length, characters and terminating null, in 8-byte units.</summary>
    private static long StringBytes(int length) => (16 + 4 + 2 * (length + 1) + 7) & ~7;

    /// <summary>What allocating one more SubjectWindows costs, measured the same way.</summary>
    private static long ObjectBytes(SubjectWindows subject)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(new SubjectWindows(subject.Layout));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
