using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

public sealed class WindowLayoutTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public void Identical_requests_share_a_slot()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        var first = builder.Add(new WindowRequest(AggregateKind.Avg, OneHour, Cot));
        var other = builder.Add(new WindowRequest(AggregateKind.Max, OneHour, Cot));
        var again = builder.Add(new WindowRequest(AggregateKind.Avg, TimeSpan.FromMinutes(60), Cot));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var layout = builder.Build();
        Assert.Equal(2, layout.SlotCount);
        Assert.Equal(new WindowRequest(AggregateKind.Max, OneHour, Cot), layout.Slots[other]);
    }

    [Fact]
    public void Requests_on_one_signal_and_bucket_width_share_one_ring_as_deep_as_the_longest()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        builder.Add(new WindowRequest(AggregateKind.Count, TimeSpan.FromMinutes(1), Cot));
        builder.Add(new WindowRequest(AggregateKind.Avg, TimeSpan.FromMinutes(10), Cot));
        builder.Add(new WindowRequest(AggregateKind.Max, OneHour, Cot));

        var series = builder.Build().Series;

        // 1m and 10m both measure in 10s buckets: one ring of 60 rows with observations and sum; 1h is another, in 5m buckets.
        Assert.Equal(2, series.Length);
        Assert.Equal((60, 3), (series[0].Capacity, series[0].Stride));
        Assert.Equal((12, 2), (series[1].Capacity, series[1].Stride));
    }

    [Fact]
    public void A_ring_keeps_only_the_columns_its_requests_read()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        builder.Add(new WindowRequest(AggregateKind.Count, OneHour, Request));
        builder.Add(new WindowRequest(AggregateKind.Share, OneHour, Capability, Category: Coding));

        var series = builder.Build().Series;

        // A count signal's count is the sum of its values: one column. A share: observations and the one category.
        Assert.Equal(2, series[0].Stride);
        Assert.NotEqual(0, series[0].Sum);
        Assert.Equal(3, series[1].Stride);
        Assert.Equal(0, series[1].Categories[Reasoning]);
    }

    [Theory]
    [InlineData(AggregateKind.Count, 90, -1, -1, "not a whole number of 10s buckets")]
    [InlineData(AggregateKind.Count, 60 * 24 * 31, 0, -1, "out of range")]
    [InlineData(AggregateKind.Avg, 60, 4, -1, "category signal has no numeric value")]
    [InlineData(AggregateKind.Share, 60, 1, 0, "share needs a category signal")]
    [InlineData(AggregateKind.Share, 60, 4, 9, "category index")]
    [InlineData(AggregateKind.Count, 60, 42, -1, "signal index")]
    [InlineData(AggregateKind.Distinct, 60, -1, -1, "attribute index")]
    public void A_request_the_catalog_cannot_measure_is_rejected_with_the_reason(AggregateKind kind, int minutes, int signal, int category, string reason)
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        var window = kind == AggregateKind.Count && minutes == 90 ? TimeSpan.FromSeconds(95) : TimeSpan.FromMinutes(minutes);

        var error = Assert.Throws<ArgumentException>(() => builder.Add(new WindowRequest(kind, window, signal, category)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_members_needs_a_positive_age()
    {
        var builder = new WindowLayoutBuilder(CatalogLite);

        Assert.Throws<ArgumentException>(() => builder.Add(new WindowRequest(AggregateKind.NewMembers, OneHour)));
    }

    [Fact]
    public void The_empty_layout_has_no_slots_and_ignores_every_observation()
    {
        var subject = new SubjectWindows(WindowLayout.Empty);
        subject.Add(Observe(Request, TimeSpan.Zero, attributes: (IpPrefix, "203.0.113.0/24")));

        Assert.Equal(0, WindowLayout.Empty.SlotCount);
        Assert.Empty(WindowLayout.Empty.Slots);
        Assert.Equal(0, WindowLayout.Empty.BytesPerSubject);
        Assert.Equal(0, subject.AllocatedBytes);
    }

    [Fact]
    public void A_slot_the_layout_does_not_have_cannot_be_read()
    {
        var subject = new SubjectWindows(new WindowLayoutBuilder(CatalogLite).Build());

        Assert.Throws<ArgumentOutOfRangeException>(() => subject.Read(0, T0));
    }
}
