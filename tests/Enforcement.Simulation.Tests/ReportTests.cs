using System.Collections.Immutable;
using Enforcement.Simulation.Reporting;

namespace Enforcement.Simulation.Tests;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Start = TestScenarios.Start;

    private static HourCounts Hour(int hour, long unrestricted, long restricted, long refused) => new(hour, unrestricted, restricted, refused, 0);

    /// <summary>Suspends every campaign account at its 10th request; leaves legitimate accounts alone.</summary>
    private static InMemoryService SuspendingAtTheTenthRequest() =>
        new((service, signal) =>
            signal.Type == "request" && signal.Account.StartsWith("harvest.", StringComparison.Ordinal) && service.Requests(signal.Account) == 10
                ? new SimStateChange(signal.Account, "suspended", null, null, signal.At)
                : null);

    [Fact]
    public void A_campaign_is_contained_from_the_first_hour_after_which_every_hour_it_sent_in_stays_within_the_share()
    {
        ImmutableArray<HourCounts> hours = [Hour(0, 10, 0, 0), Hour(1, 5, 0, 5), Hour(2, 0, 0, 0), Hour(3, 0, 3, 7), Hour(4, 1, 0, 99), Hour(5, 0, 0, 0)];

        var contained = Containment.ContainedAt(hours, 0.05, Start, Start.AddMinutes(12));

        Assert.Equal(Start.AddHours(3), contained);
    }

    [Fact]
    public void A_campaign_still_served_in_its_last_hour_is_not_contained_and_one_contained_from_the_start_counts_from_its_first_exchange()
    {
        Assert.Null(Containment.ContainedAt([Hour(0, 0, 0, 10), Hour(1, 9, 0, 1)], 0.05, Start, Start));
        Assert.Null(Containment.ContainedAt([Hour(0, 10, 0, 0), Hour(1, 10, 0, 0), Hour(2, 0, 0, 0), Hour(3, 0, 0, 0)], 0.05, Start, Start));
        Assert.Equal(Start.AddMinutes(30), Containment.ContainedAt([Hour(0, 0, 0, 10), Hour(1, 0, 0, 10)], 0.05, Start, Start.AddMinutes(30)));
        Assert.Null(Containment.ContainedAt([Hour(0, 0, 0, 0)], 0.05, Start, null));
    }

    [Fact]
    public async Task A_hand_made_run_reports_the_campaign_as_the_service_saw_it()
    {
        var service = SuspendingAtTheTenthRequest();

        var report = await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var campaign = Assert.Single(report.Campaigns);
        var requests = service.Signals.Where(s => s.Type == "request" && s.Account.StartsWith("harvest.", StringComparison.Ordinal)).ToList();
        // Every exchange served reached the service as one request, and all were served while the account was allowed.
        Assert.Equal(requests.Count, campaign.ServedUnrestricted);
        Assert.Equal(campaign.ServedUnrestricted, campaign.Served);
        Assert.Equal(requests.Count / (double)campaign.ExchangesAttempted, campaign.UnrestrictedShare, 9);
        Assert.Equal(campaign.ExchangesAttempted, campaign.Hours.Sum(h => h.Attempted));
        Assert.Equal(requests.GroupBy(r => (int)(r.At - Start).TotalHours).OrderBy(g => g.Key).Select(g => (long)g.Count()),
            campaign.Hours.Where(h => h.ServedUnrestricted > 0).Select(h => h.ServedUnrestricted));
        Assert.Equal((20, 20, 1.0), (campaign.Accounts, campaign.AccountsRestricted, campaign.RestrictedShare));
        Assert.Equal(20, campaign.Hours[^1].AccountsRestricted);

        // Twenty accounts, each served about ten exchanges of the hundred it attempts: contained once the last is suspended.
        Assert.InRange(campaign.UnrestrictedShare, 0.08, 0.2);
        var lastServed = requests.Max(r => r.At);
        Assert.NotNull(campaign.ContainedAt);
        Assert.InRange(campaign.ContainedAt!.Value, campaign.FirstExchange!.Value, lastServed.AddHours(1));
        Assert.Equal(campaign.ContainedAt - campaign.FirstExchange, campaign.TimeToContainment);
        Assert.Equal((10, 0, 0, 0), (report.Legitimate.Accounts, report.Legitimate.Throttled, report.Legitimate.Challenged, report.Legitimate.Suspended));
    }

    [Fact]
    public async Task Targets_are_judged_on_the_run_and_throughput_only_at_full_scale()
    {
        var report = await TestScenarios.RunAsync(TestScenarios.Small(), SuspendingAtTheTenthRequest());

        Assert.Equal(["harvest: contained", "legitimate: suspended", "legitimate: restricted", "throughput"], report.Targets.Select(t => t.Name));
        var contained = report.Targets[0];
        Assert.Equal(contained.Actual <= 0.05, contained.Met);
        Assert.False(contained.Met, "ten of a hundred exchanges served is more than 5%");
        Assert.All(report.Targets.Skip(1).Take(2), t => Assert.True(t.Met));
        Assert.False(report.TargetsMet);

        var scaled = await Simulation.RunAsync(TestScenarios.Small(), new InMemoryService(), new SimulationOptions { Scale = 0.5 }, CancellationToken.None);
        Assert.False(scaled.Targets.Single(t => t.Name == "throughput").Checked);
    }

    [Fact]
    public async Task The_json_report_round_trips_in_web_casing()
    {
        var report = await TestScenarios.RunAsync(TestScenarios.Small(), SuspendingAtTheTenthRequest());

        var json = ReportWriter.ToJson(report);
        var back = ReportWriter.FromJson(json);

        Assert.Contains("\"unrestrictedShare\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeToContainment\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ReportWriter.ToJson(back));
        Assert.Equal(report.Campaigns[0].ContainedAt, back.Campaigns[0].ContainedAt);
    }

    [Fact]
    public async Task The_html_report_is_one_page_with_a_timeline_per_campaign_and_one_for_legitimate_traffic()
    {
        var scenario = TestScenarios.Small();
        var twoCampaigns = scenario with { Campaigns = [scenario.Campaigns[0], scenario.Campaigns[0] with { Name = "second" }] };
        var report = await TestScenarios.RunAsync(twoCampaigns, SuspendingAtTheTenthRequest());

        var html = ReportWriter.ToHtml(report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.Contains("harvest: exchanges per hour", html, StringComparison.Ordinal);
        Assert.Contains("second: exchanges per hour", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("not met", html, StringComparison.Ordinal);
    }
}
