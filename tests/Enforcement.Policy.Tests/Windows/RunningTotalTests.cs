using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

/// <summary>
/// Reads between observations, which is where running totals could go wrong and a scan could not: each read here must
/// still be what a scan of the window's rows reads.
/// </summary>
public sealed class RunningTotalTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Observations_in_the_bucket_of_the_last_read_count_at_once()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));

        windows.Add(Observe(Payment, S(1)));
        Assert.Equal(1, windows.Read(count, S(2)));
        windows.Add(Observe(Payment, S(3)));
        Assert.Equal(2, windows.Read(count, S(3)));
        // Late, but still in the window of the last read.
        windows.Add(Observe(Payment, S(-30)), Observe(Payment, S(-70)));
        Assert.Equal(3, windows.Read(count, S(9)));
    }

    [Fact]
    public void Buckets_leave_between_reads_and_observations_ahead_of_a_read_come_in_when_their_bucket_does()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(5)), Observe(Payment, S(25)), Observe(Payment, S(75)));

        Assert.Equal(2, windows.Read(count, S(59)));
        Assert.Equal(1, windows.Read(count, S(60)));
        Assert.Equal(2, windows.Read(count, S(75)));
        Assert.Equal(1, windows.Read(count, S(80)));
        Assert.Equal(0, windows.Read(count, S(200)));
    }

    [Fact]
    public void A_read_before_the_last_one_reads_its_own_window_and_the_next_reads_the_present()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        windows.Add(Observe(Payment, S(5)), Observe(Payment, S(25)));

        Assert.Equal(0, windows.Read(count, S(90)));
        Assert.Equal(2, windows.Read(count, S(59)));
        windows.Add(Observe(Payment, S(70)));
        Assert.Equal(1, windows.Read(count, S(90)));
        Assert.Equal(2, windows.Read(count, S(30)));
        Assert.Equal(2, windows.Read(count, S(70)));
        Assert.Equal(1, windows.Read(count, S(90)));
    }

    [Fact]
    public void An_observation_ahead_that_takes_the_row_of_a_bucket_in_the_window_takes_its_count_with_it()
    {
        var windows = new TestSubject();
        var count = windows.Slot(new WindowRequest(AggregateKind.Count, OneMinute, Payment));
        var avg = windows.Slot(new WindowRequest(AggregateKind.Avg, OneMinute, Payment));
        windows.Add(Observe(Payment, S(10), value: 0), Observe(Payment, S(20)), Observe(Payment, S(30)));
        Assert.Equal(3, windows.Read(count, S(55)));
        Assert.Equal(2.0 / 3, windows.Read(avg, S(55)));

        // 5m10s is bucket 31, in the row of bucket 1 (10s): a scan at 55s no longer finds bucket 1.
        windows.Add(Observe(Payment, TimeSpan.FromSeconds(310)));

        Assert.Equal(2, windows.Read(count, S(55)));
        Assert.Equal(1, windows.Read(avg, S(55)));
    }

    [Fact]
    public void Distinct_follows_values_moving_between_buckets_as_they_are_read()
    {
        var windows = new TestSubject();
        var templates = windows.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: Template));

        windows.Add(Observe(Request, S(0), attributes: (Template, "t-1")), Observe(Request, S(0), attributes: (Template, "t-2")));
        Assert.Equal(2, windows.Read(templates, S(0)));
        windows.Add(Observe(Request, S(30), attributes: (Template, "t-1")));
        Assert.Equal(2, windows.Read(templates, S(30)));
        Assert.Equal(1, windows.Read(templates, S(60)));
        windows.Add(Observe(Request, S(65), attributes: (Template, "t-2")));
        Assert.Equal(2, windows.Read(templates, S(65)));
        Assert.Equal(1, windows.Read(templates, S(95)));
    }

    [Fact]
    public void A_sum_of_fractions_whose_window_has_emptied_reads_exactly_zero()
    {
        var windows = new TestSubject();
        var sum = windows.Slot(new WindowRequest(AggregateKind.Sum, OneMinute, Cot));
        var avg = windows.Slot(new WindowRequest(AggregateKind.Avg, OneMinute, Cot));
        windows.Add(Observe(Cot, S(0), value: 0.1), Observe(Cot, S(10), value: 0.2), Observe(Cot, S(20), value: 0.3));

        // 0.1 + 0.2 + 0.3 - 0.1 - 0.2 - 0.3 is not 0 in doubles; the window's emptiness says it is.
        for (var second = 20; second < 90; second += 10)
        {
            windows.Read(sum, S(second));
            windows.Read(avg, S(second));
        }

        Assert.Equal(0.0, windows.Read(sum, S(90)));
        Assert.Equal(double.NaN, windows.Read(avg, S(90)));
    }

    [Fact]
    public void A_sum_that_lost_a_large_value_is_rebuilt_from_its_rows_rather_than_keeping_the_rounding()
    {
        var windows = new TestSubject();
        var sum = windows.Slot(new WindowRequest(AggregateKind.Sum, OneMinute, Tokens));
        windows.Add(Observe(Tokens, S(0), value: 1e15));
        windows.Read(sum, S(0));
        for (var second = 10; second <= 50; second += 10)
        {
            windows.Add(Observe(Tokens, S(second), value: 0.1));
            windows.Read(sum, S(second)); // 1e15 + 0.1 rounds to 1e15 + 0.125
        }

        Assert.Equal(0.1 + 0.1 + 0.1 + 0.1 + 0.1, windows.Read(sum, S(60)));
    }

    [Fact]
    public void A_value_that_is_not_a_number_spoils_a_sum_only_while_its_bucket_is_in_the_window()
    {
        var windows = new TestSubject();
        var sum = windows.Slot(new WindowRequest(AggregateKind.Sum, OneMinute, Tokens));
        windows.Add(Observe(Tokens, S(0), value: double.NaN), Observe(Tokens, S(10), value: 4));

        Assert.Equal(double.NaN, windows.Read(sum, S(10)));
        windows.Add(Observe(Tokens, S(20), value: 2));
        Assert.Equal(double.NaN, windows.Read(sum, S(20)));
        Assert.Equal(6, windows.Read(sum, S(60)));
    }
}
