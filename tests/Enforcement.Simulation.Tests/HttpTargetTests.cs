using System.Net.Http.Headers;
using System.Text.Json;
using Enforcement.Simulation.Http;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Tests;

[Collection(RunningService.Name)]
public sealed class HttpTargetTests(ServiceFixture service)
{
    /// <summary>Two young accounts asking for the reasoning trace 300 times an hour: the shipped cot-elicitation policy's prey.</summary>
    public const string Harvest = """
        apiVersion: enforcement/v1
        kind: Scenario
        name: harvest-over-http
        seed: 3
        start: 2026-03-02T00:00:00Z
        duration: 2h
        step: 1m
        min_accounts: 1
        models:
          - { name: m-4, released: -100d }
        population:
          - name: people
            accounts: 3
            volume: { lognormal: { median: 40, sigma: 0.3 } }
            capabilities: { chat: 1 }
        campaigns:
          - name: cot
            accounts: 2
            exchanges: 1200
            duration: 2h
            cot: { mean: 0.95, sd: 0.01 }
            capabilities: { reasoning: 1 }
            age: { min: 1d, max: 3d }
        """;

    [Fact]
    public async Task Drives_a_running_service_over_http_and_follows_its_enforcement_changes()
    {
        var scenario = ScenarioReader.Parse(Harvest, "harvest.yaml");
        await using var target = HttpTarget.Create(service.Address, ServiceFixture.AutomationKey);
        var start = await target.StartEndingAtServerNowAsync(scenario.Duration, TimeSpan.FromDays(7), TimeSpan.FromHours(1), CancellationToken.None);

        var report = await Simulation.RunAsync(scenario, target, new SimulationOptions { Start = start }, CancellationToken.None);

        var campaign = Assert.Single(report.Campaigns);
        Assert.Equal(2, campaign.AccountsRestricted);
        Assert.True(campaign.ServedRestrictedOrRefused() > 0);
        Assert.Equal(0, report.Legitimate.Restricted);
        Assert.True(report.Throughput.SignalsSent > 2000, $"{report.Throughput.SignalsSent} signals");
        Assert.True(report.Throughput.StateChanges >= 2);

        using var http = new HttpClient { BaseAddress = service.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFixture.AutomationKey);
        using var enforcement = JsonDocument.Parse(await http.GetStringAsync(new Uri("v1/accounts/cot.0/enforcement", UriKind.Relative)));
        Assert.NotEqual("allow", enforcement.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Refuses_a_scenario_longer_than_the_service_keeps_signals()
    {
        await using var target = HttpTarget.Create(service.Address, ServiceFixture.AutomationKey);

        var error = await Assert.ThrowsAsync<SimulationException>(() =>
            target.StartEndingAtServerNowAsync(TimeSpan.FromDays(9), TimeSpan.FromDays(7), TimeSpan.FromHours(1), CancellationToken.None));

        Assert.StartsWith("the scenario spans 9d, and a running service takes signals at most 7d old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_fails_the_run_with_the_service_s_answer()
    {
        await using var target = HttpTarget.Create(service.Address, "not-a-key");

        var error = await Assert.ThrowsAsync<SimulationException>(() =>
            target.SendAsync([new SimSignal("x-1", "x", "request", 1, null, TestScenarios.Start, null)], CancellationToken.None));

        Assert.StartsWith("POST /v1/signals answered 401", error.Message, StringComparison.Ordinal);
    }
}

internal static class CampaignOutcomeExtensions
{
    public static long ServedRestrictedOrRefused(this Reporting.CampaignOutcome campaign) =>
        campaign.ExchangesAttempted - campaign.ServedUnrestricted;
}
