namespace Enforcement.Simulation.Tests;

/// <summary>The gateway model: the simulator serves or refuses by the state it learned from the service's feed.</summary>
public sealed class GatewayTests
{
    private static bool IsCampaign(string account) => account.StartsWith("harvest.", StringComparison.Ordinal);

    /// <summary>A service that takes the decision <paramref name="state"/> on an account at its Nth request.</summary>
    private static InMemoryService DecidingAt(int nth, string state, Func<string, bool> who, int? rpm = null, string? challenge = null) =>
        new((service, signal) =>
            signal.Type == "request" && who(signal.Account) && service.Requests(signal.Account) == nth
                ? new SimStateChange(signal.Account, state, rpm, challenge, signal.At)
                : null);

    [Fact]
    public async Task A_suspended_account_is_refused_and_sends_no_more_signals()
    {
        var service = DecidingAt(10, "suspended", IsCampaign);

        var report = await TestScenarios.RunAsync(TestScenarios.Small(), service);

        foreach (var account in service.Signals.Where(s => IsCampaign(s.Account)).GroupBy(s => s.Account))
        {
            var requests = account.Where(s => s.Type == "request").ToList();
            // The decision is taken at the 10th request and learned at the end of its step; nothing is served after.
            var learned = requests[9].At.UtcTicks / TimeSpan.TicksPerMinute;
            Assert.All(account, s => Assert.True(s.At.UtcTicks / TimeSpan.TicksPerMinute <= learned, $"{s.Id} at {s.At} after the suspension"));
        }
        var campaign = Assert.Single(report.Campaigns);
        Assert.True(campaign.Refused > campaign.Served, $"{campaign.Refused} refused, {campaign.Served} served");
        Assert.Equal(0, report.Legitimate.Restricted);
    }

    [Fact]
    public async Task A_throttle_serves_at_most_its_rpm_in_any_minute()
    {
        // One account, hundreds of attempts a minute.
        var service = DecidingAt(1, "throttle", IsCampaign, rpm: 3);

        var report = await TestScenarios.RunAsync(TestScenarios.Small(accounts: 1, exchanges: 20_000, duration: "2h"), service);

        var perMinute = service.Signals.Where(s => s.Type == "request" && IsCampaign(s.Account))
            .GroupBy(s => s.At.UtcTicks / TimeSpan.TicksPerMinute).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        Assert.True(perMinute[0] > 3, "the first minute, before the gateway learned of the throttle, is served in full");
        Assert.All(perMinute.Skip(1), n => Assert.InRange(n, 1, 3));
        var campaign = Assert.Single(report.Campaigns);
        Assert.Equal(perMinute.Sum(), campaign.Served);
        Assert.Equal(perMinute[0], campaign.ServedUnrestricted);
        Assert.Equal(campaign.ExchangesAttempted - campaign.Served, campaign.Refused);
    }

    [Fact]
    public async Task A_campaign_account_lost_to_a_suspension_is_replaced_by_one_paying_and_proxying_as_it_did()
    {
        var service = DecidingAt(5, "suspended", IsCampaign);
        var scenario = TestScenarios.Small(campaignExtra: """
                replace_suspended: true
                replacement_lag: 10m
                max_replacements: 100
            """);

        var report = await TestScenarios.RunAsync(scenario, service);

        var replacement = service.Signals.First(s => s.Account.EndsWith(".r1", StringComparison.Ordinal)).Account;
        var original = replacement[..^3];
        string Payment(string account) => service.Signals.First(s => s.Account == account && s.Type == "payment").Attrs!["payment"];
        SimSignal Request(string account) => service.Signals.First(s => s.Account == account && s.Type == "request");
        Assert.Equal(Payment(original), Payment(replacement));
        Assert.Equal(Request(original).Attrs!["proxy"], Request(replacement).Attrs!["proxy"]);
        Assert.Equal(Request(original).Attrs!["ip_prefix"], Request(replacement).Attrs!["ip_prefix"]);
        var lost = service.Signals.Where(s => s.Account == original && s.Type == "request").ElementAt(4).At;
        Assert.True(service.Signals.First(s => s.Account == replacement).At >= lost.AddMinutes(10));
        var campaign = Assert.Single(report.Campaigns);
        Assert.Equal(20 + campaign.Replacements, campaign.Accounts);
        Assert.InRange(campaign.Replacements, 20, 100);
    }

    [Fact]
    public async Task A_challenged_legitimate_account_passes_a_few_minutes_later_and_is_served_again()
    {
        var service = DecidingAt(3, "challenge", a => a == "users.0", challenge: "identity");

        var report = await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var (account, _, passed, kind, at) = Assert.Single(service.Challenges);
        Assert.Equal(("users.0", true, "identity"), (account, passed, kind));
        var challenged = service.Signals.Where(s => s.Account == "users.0" && s.Type == "request").ElementAt(2).At;
        Assert.InRange(at - challenged, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(17));
        Assert.Contains(service.Signals, s => s.Account == "users.0" && s.At > at.AddMinutes(1));
        Assert.Equal((1, 1, 0), (report.Legitimate.Challenged, report.Legitimate.Restricted, report.Legitimate.Suspended));
    }

    [Fact]
    public async Task A_challenged_campaign_account_fails_and_without_replacement_fails_again_every_hour()
    {
        var service = DecidingAt(3, "challenge", a => a == "harvest.0", challenge: "identity");

        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var reports = service.Challenges;
        Assert.True(reports.Count >= 3, $"{reports.Count} reports");
        Assert.All(reports, r => Assert.Equal(("harvest.0", false), (r.Account, r.Passed)));
        Assert.Equal(reports.Count, reports.Select(r => r.Id).Distinct().Count());
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second.At - pair.First.At));
    }

    [Fact]
    public async Task A_campaign_that_abandons_challenged_accounts_stops_sending_from_them()
    {
        var service = DecidingAt(3, "challenge", IsCampaign, challenge: "identity");

        var report = await TestScenarios.RunAsync(TestScenarios.Small(campaignExtra: "    on_challenge: abandon"), service);

        Assert.Empty(service.Challenges);
        Assert.All(service.Signals.Where(s => IsCampaign(s.Account) && s.Type == "request").GroupBy(s => s.Account), g => Assert.InRange(g.Count(), 3, 40));
        Assert.Equal(1.0, Assert.Single(report.Campaigns).RestrictedShare);
    }
}
