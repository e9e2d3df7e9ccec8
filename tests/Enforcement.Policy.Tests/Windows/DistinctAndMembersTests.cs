using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

public sealed class DistinctAndMembersTests
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    private static long CreatedDaysBefore(double days) => T0 - TimeSpan.FromDays(days).Ticks;

    [Fact]
    public void Distinct_counts_each_value_once_whichever_signal_carried_it()
    {
        var windows = new TestSubject();
        var templates = windows.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: Template));
        windows.Add(
            Observe(Request, S(1), attributes: (Template, "t-1")),
            Observe(Cot, S(2), value: 0.9, attributes: (Template, "t-1")),
            Observe(Request, S(3), attributes: (Template, "t-2")));

        Assert.Equal(2, windows.Read(templates, S(3)));
    }

    [Fact]
    public void Distinct_forgets_a_value_once_its_last_sighting_left_the_window()
    {
        var windows = new TestSubject();
        var templates = windows.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: Template));
        windows.Add(
            Observe(Request, S(0), attributes: (Template, "t-1")),
            Observe(Request, S(0), attributes: (Template, "t-2")),
            Observe(Request, S(30), attributes: (Template, "t-1")));

        Assert.Equal(2, windows.Read(templates, S(59)));
        Assert.Equal(1, windows.Read(templates, S(60)));
        Assert.Equal(0, windows.Read(templates, S(90)));
    }

    [Fact]
    public void Distinct_ignores_observations_without_the_attribute_and_allocates_nothing_for_them()
    {
        var windows = new TestSubject();
        var proxies = windows.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: Proxy));
        windows.Add(Observe(Request, S(1), attributes: (IpPrefix, "203.0.113.0/24")), Observe(Tokens, S(2), value: 10));

        Assert.Equal(0, windows.Read(proxies, S(2)));
        Assert.Equal(0, windows.Subject.AllocatedBytes);
    }

    [Fact]
    public void Members_counts_the_distinct_accounts_seen_in_the_window()
    {
        var windows = new TestSubject();
        var members = windows.Slot(new WindowRequest(AggregateKind.Members, OneHour));
        windows.Add(
            Observe(Request, M(0), account: "a-1"),
            Observe(Payment, M(10), account: "a-2"),
            Observe(Request, M(20), account: "a-1"),
            Observe(Request, M(61), account: "a-3"));

        Assert.Equal(2, windows.Read(members, M(59)));
        Assert.Equal(3, windows.Read(members, M(61)));
        Assert.Equal(2, windows.Read(members, M(70)));
        Assert.Equal(1, windows.Read(members, M(85)));
    }

    [Fact]
    public void New_members_counts_accounts_that_joined_in_the_window_younger_than_the_age()
    {
        var windows = new TestSubject();
        var joined = windows.Slot(new WindowRequest(AggregateKind.NewMembers, OneHour, Age: Week));
        windows.Add(
            Observe(Request, M(10), account: "young", accountCreated: CreatedDaysBefore(1)),
            Observe(Request, M(20), account: "old", accountCreated: CreatedDaysBefore(30)),
            Observe(Request, M(25), account: "almost-a-week", accountCreated: CreatedDaysBefore(6.9)));

        Assert.Equal(2, windows.Read(joined, M(30)));
    }

    [Fact]
    public void New_members_counts_an_account_of_unknown_age_as_new()
    {
        var windows = new TestSubject();
        var joined = windows.Slot(new WindowRequest(AggregateKind.NewMembers, OneHour, Age: Week));
        windows.Add(Observe(Request, M(10), account: "unprofiled", accountCreated: 0));

        Assert.Equal(1, windows.Read(joined, M(10)));
    }

    [Fact]
    public void New_members_does_not_count_an_account_that_joined_before_the_window()
    {
        var windows = new TestSubject();
        var joined = windows.Slot(new WindowRequest(AggregateKind.NewMembers, OneHour, Age: Week));
        var members = windows.Slot(new WindowRequest(AggregateKind.Members, OneHour));
        windows.Add(
            Observe(Request, M(0), account: "a-1", accountCreated: CreatedDaysBefore(1)),
            Observe(Request, M(120), account: "a-1", accountCreated: CreatedDaysBefore(1)));

        Assert.Equal(1, windows.Read(joined, M(59)));
        Assert.Equal(0, windows.Read(joined, M(120)));
        Assert.Equal(1, windows.Read(members, M(120)));
    }

    [Fact]
    public void New_members_moves_the_join_to_an_earlier_observation_that_arrives_late()
    {
        var windows = new TestSubject();
        // Six 5m buckets: read at 55m the window is 30m..55m, read at 50m it is 25m..50m.
        var joined = windows.Slot(new WindowRequest(AggregateKind.NewMembers, M(30), Age: Week));
        windows.Add(Observe(Request, M(50), account: "a-1", accountCreated: CreatedDaysBefore(1)));
        Assert.Equal(1, windows.Read(joined, M(55)));

        windows.Add(Observe(Request, M(26), account: "a-1", accountCreated: CreatedDaysBefore(1)));
        Assert.Equal(0, windows.Read(joined, M(55)));
        Assert.Equal(1, windows.Read(joined, M(50)));
    }

    [Fact]
    public void An_account_away_longer_than_the_retention_joins_again_but_only_counts_as_new_if_its_age_is_unknown()
    {
        var windows = new TestSubject();
        // Retention: the 1h window (twelve 5m buckets) plus one bucket plus the 1d age.
        var joined = windows.Slot(new WindowRequest(AggregateKind.NewMembers, OneHour, Age: TimeSpan.FromDays(1)));
        windows.Add(
            Observe(Request, M(0), account: "unprofiled"),
            Observe(Request, M(0), account: "profiled", accountCreated: T0),
            Observe(Request, TimeSpan.FromDays(2), account: "someone-else", accountCreated: CreatedDaysBefore(100)),
            Observe(Request, TimeSpan.FromDays(2) + M(1), account: "unprofiled"),
            Observe(Request, TimeSpan.FromDays(2) + M(1), account: "profiled", accountCreated: T0));

        Assert.Equal(1, windows.Read(joined, TimeSpan.FromDays(2) + M(1)));
    }

    [Fact]
    public void Distinct_keeps_counting_the_present_after_an_observation_ahead_of_it()
    {
        var windows = new TestSubject();
        var templates = windows.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: Template));
        windows.Add(
            Observe(Request, S(0), attributes: (Template, "t-1")),
            Observe(Request, M(5), attributes: (Template, "t-2")),
            Observe(Request, S(30), attributes: (Template, "t-3")),
            Observe(Request, S(40), attributes: (Template, "t-1")));

        Assert.Equal(2, windows.Read(templates, S(40)));
        Assert.Equal(1, windows.Read(templates, M(5)));
    }

    [Fact]
    public void Members_keeps_an_account_until_its_last_sighting_has_left_every_window()
    {
        var windows = new TestSubject();
        var members = windows.Slot(new WindowRequest(AggregateKind.Members, M(10)));
        windows.Add(Observe(Request, S(0), account: "a-1"));
        // Enough traffic from another account to run several sweeps while a-1 sits in the window's oldest bucket.
        for (var second = 10; second < 600; second += 10)
            windows.Add(Observe(Request, S(second), account: "a-2"));
        windows.Add(Observe(Request, S(599), account: "a-1"));

        Assert.Equal(2, windows.Read(members, S(599)));
    }

    [Fact]
    public void Distinct_memory_stays_bounded_past_the_cap_and_no_count_drops()
    {
        const int cap = 100;
        var bounded = new TestSubject(maxTrackedValues: cap);
        var unbounded = new TestSubject();
        var minute = bounded.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: IpPrefix));
        var hour = bounded.Slot(new WindowRequest(AggregateKind.Distinct, OneHour, Attribute: IpPrefix));
        unbounded.Slot(new WindowRequest(AggregateKind.Distinct, OneMinute, Attribute: IpPrefix));
        unbounded.Slot(new WindowRequest(AggregateKind.Distinct, OneHour, Attribute: IpPrefix));

        long peak = 0;
        for (var second = 0; second < 5_000; second++)
        {
            var observation = Observe(Request, S(second), attributes: (IpPrefix, $"10.0.{second}.0/24"));
            bounded.Add(observation);
            unbounded.Add(observation);
            peak = Math.Max(peak, bounded.Subject.AllocatedBytes);
        }

        // At most `cap` values of about 28 bytes each plus their strings, with the map's growth slack.
        Assert.True(peak < bounded.Subject.Layout.BytesPerSubject + cap * 200, $"peak {peak} bytes");
        Assert.True(unbounded.Subject.AllocatedBytes > 10 * peak, $"unbounded {unbounded.Subject.AllocatedBytes} bytes");
        // Evicted values keep their counts, so windows still read true counts while no evicted value comes back:
        // the minute holds 4940s..4999s, the hour (twelve 5m buckets) 1500s..4999s.
        Assert.Equal(60, bounded.Read(minute, S(4_999)));
        Assert.Equal(3_500, bounded.Read(hour, S(4_999)));

        // An evicted value that comes back is counted again: past the cap a count may run high, never low.
        for (var second = 4_000; second < 4_050; second++)
            bounded.Add(Observe(Request, S(4_999), attributes: (IpPrefix, $"10.0.{second}.0/24")));
        Assert.InRange(bounded.Read(hour, S(4_999)), 3_500, 3_550);
        Assert.Equal(3_500, unbounded.Read(hour, S(4_999)));
    }
}
