using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

public sealed class WindowAggregateTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Count_forgets_observations_whose_bucket_left_the_window()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(5)), Observe(Payment, S(25)));

        // A 1m window is six 10s buckets; at 59s it covers buckets 0..5, at 60s buckets 1..6.
        Assert.Equal(2, windows.Read(count, S(59)));
        Assert.Equal(1, windows.Read(count, S(60)));
        Assert.Equal(1, windows.Read(count, S(79)));
        Assert.Equal(0, windows.Read(count, S(80)));
    }

    [Fact]
    public void Count_includes_the_current_partial_bucket()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(61)));

        Assert.Equal(1, windows.Read(count, S(61)));
    }

    [Fact]
    public void Count_of_a_count_signal_adds_up_how_many_each_observation_says()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Request));
        windows.Add(Observe(Request, S(1), value: 3), Observe(Request, S(2)), Observe(Request, S(30), value: 2));

        Assert.Equal(6, windows.Read(count, S(30)));
    }

    [Fact]
    public void Count_of_a_category_signal_counts_its_observations()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Capability));
        windows.Add(Observe(Capability, S(1), category: Coding), Observe(Capability, S(2), category: Reasoning));

        Assert.Equal(2, windows.Read(count, S(2)));
    }

    [Fact]
    public void Sum_and_avg_follow_the_values_in_the_window()
    {
        var windows = new TestSubject();
        var sum = windows.Slot(new WindowRequest(AggregateKind.Sum, OneMinute, Tokens));
        var avg = windows.Slot(new WindowRequest(AggregateKind.Avg, OneMinute, Tokens));
        windows.Add(Observe(Tokens, S(0), value: 100), Observe(Tokens, S(15), value: 300));
        Assert.Equal(400, windows.Read(sum, S(59)));
        Assert.Equal(200, windows.Read(avg, S(59)));

        windows.Add(Observe(Tokens, S(65), value: 20));
        Assert.Equal(320, windows.Read(sum, S(65)));
        Assert.Equal(160, windows.Read(avg, S(65)));
    }

    [Fact]
    public void Avg_of_a_count_signal_is_its_sum_over_its_observations()
    {
        var windows = new TestSubject();
        var avg = windows.Slot(new WindowRequest(AggregateKind.Avg, OneMinute, Request));
        windows.Add(Observe(Request, S(1), value: 3), Observe(Request, S(2), value: 1));

        Assert.Equal(2, windows.Read(avg, S(2)));
    }

    [Fact]
    public void Avg_min_and_max_of_an_empty_window_are_NaN_and_count_and_sum_are_zero()
    {
        var windows = new TestSubject();
        var slots = new[] { AggregateKind.Avg, AggregateKind.Min, AggregateKind.Max, AggregateKind.Count, AggregateKind.Sum }
            .Select(kind => windows.Slot(new WindowRequest(kind, OneMinute, Cot)))
            .ToArray();
        windows.Add(Observe(Cot, S(0), value: 0.9));

        Assert.Equal([double.NaN, double.NaN, double.NaN, 0, 0], slots.Select(slot => windows.Read(slot, TimeSpan.FromMinutes(5))));
        Assert.Equal([0.9, 0.9, 0.9, 1, 0.9], slots.Select(slot => windows.Read(slot, S(0))));
    }

    [Fact]
    public void Min_and_max_forget_extremes_whose_bucket_left_the_window()
    {
        var windows = new TestSubject();
        var min = windows.Slot(new WindowRequest(AggregateKind.Min, OneMinute, Cot));
        var max = windows.Slot(new WindowRequest(AggregateKind.Max, OneMinute, Cot));
        windows.Add(Observe(Cot, S(0), value: 0.1), Observe(Cot, S(12), value: 0.95), Observe(Cot, S(30), value: 0.5), Observe(Cot, S(31), value: 0.4));

        Assert.Equal(0.1, windows.Read(min, S(40)));
        Assert.Equal(0.95, windows.Read(max, S(40)));
        Assert.Equal(0.4, windows.Read(min, S(60)));
        Assert.Equal(0.95, windows.Read(max, S(60)));
        Assert.Equal(0.4, windows.Read(min, S(70)));
        Assert.Equal(0.5, windows.Read(max, S(70)));
    }

    [Fact]
    public void Share_is_the_fraction_of_the_signals_observations_with_that_value()
    {
        var windows = new TestSubject();
        var coding = windows.Slot(new WindowRequest(AggregateKind.Share, OneMinute, Capability, Category: Coding));
        var reasoning = windows.Slot(new WindowRequest(AggregateKind.Share, OneMinute, Capability, Category: Reasoning));
        windows.Add(
            Observe(Capability, S(0), category: Coding),
            Observe(Capability, S(20), category: Coding),
            Observe(Capability, S(21), category: Reasoning),
            Observe(Capability, S(22), category: Coding));

        Assert.Equal(0.75, windows.Read(coding, S(30)));
        Assert.Equal(0.25, windows.Read(reasoning, S(30)));
        Assert.Equal(2.0 / 3, windows.Read(coding, S(60)));
    }

    [Fact]
    public void Share_of_a_window_without_the_signal_is_zero()
    {
        var windows = new TestSubject();
        var share = windows.Slot(new WindowRequest(AggregateKind.Share, OneMinute, Capability, Category: Coding));
        windows.Add(Observe(Capability, S(0), category: Coding));

        Assert.Equal(0, windows.Read(share, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_late_observation_still_inside_the_ring_is_counted_in_its_own_bucket()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(50)), Observe(Payment, S(5)));

        Assert.Equal(2, windows.Read(count, S(55)));
        Assert.Equal(1, windows.Read(count, S(60)));
    }

    [Fact]
    public void An_observation_older_than_the_ring_is_dropped()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        // The ring has six rows of 10s; bucket 1 (15s) shares its row with bucket 7 (70s), which is newer.
        windows.Add(Observe(Payment, S(70)), Observe(Payment, S(15)));

        Assert.Equal(0, windows.Read(count, S(60)));
        Assert.Equal(1, windows.Read(count, S(70)));
    }

    [Fact]
    public void An_observation_ahead_of_the_present_costs_at_most_the_one_bucket_whose_row_it_takes()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        for (var second = 0; second <= 50; second += 10)
            windows.Add(Observe(Payment, S(second)));

        // 5m15s is bucket 31, which takes the row of bucket 1 (10s); the present keeps counting in its own rows.
        windows.Add(Observe(Payment, TimeSpan.FromSeconds(315)), Observe(Payment, S(52)));

        Assert.Equal(6, windows.Read(count, S(55)));
        Assert.Equal(1, windows.Read(count, TimeSpan.FromSeconds(315)));
    }

    [Fact]
    public void An_observation_ahead_of_the_read_time_counts_once_now_reaches_its_bucket()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(10)), Observe(Payment, S(40)));

        Assert.Equal(1, windows.Read(count, S(39)));
        Assert.Equal(2, windows.Read(count, S(40)));
    }

    [Fact]
    public void Windows_of_different_lengths_on_one_signal_read_one_ring_each_over_their_own_buckets()
    {
        var windows = new TestSubject();
        var minute = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        var fiveMinutes = windows.Slot(new WindowRequest(AggregateKind.Count, TimeSpan.FromMinutes(5), Payment));
        var hour = windows.Slot(new WindowRequest(AggregateKind.Count, TimeSpan.FromHours(1), Payment));
        windows.Add(Observe(Payment, S(0)), Observe(Payment, S(200)), Observe(Payment, S(290)));

        Assert.Equal([1, 3, 3], new[] { minute, fiveMinutes, hour }.Select(slot => windows.Read(slot, S(299))));
        Assert.Equal([0, 2, 3], new[] { minute, fiveMinutes, hour }.Select(slot => windows.Read(slot, S(350))));
    }

    [Fact]
    public void A_thirty_day_window_counts_in_whole_days_including_today()
    {
        var windows = new TestSubject();
        var month = windows.Slot(new WindowRequest(AggregateKind.Count, TimeSpan.FromDays(30), Payment));
        windows.Add(Observe(Payment, TimeSpan.FromHours(1)), Observe(Payment, TimeSpan.FromDays(29.9)));

        Assert.Equal(2, windows.Read(month, TimeSpan.FromDays(29.99)));
        Assert.Equal(1, windows.Read(month, TimeSpan.FromDays(30)));
    }
}
