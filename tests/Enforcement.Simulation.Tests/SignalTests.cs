using Enforcement.Policy.Catalog;
using Enforcement.Policy.Loading;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Tests;

public sealed class SignalTests
{
    private static SignalCatalog Catalog() =>
        PolicyLoader.Load(PolicyLoader.ReadDirectory(RepositoryPaths.Policies)).Catalog ?? throw new InvalidOperationException("the shipped pack has no catalog");

    /// <summary>What the service would reject: an unknown type, an undeclared attribute, a value not of its kind.</summary>
    private static string? Problem(SignalCatalog catalog, SimSignal signal)
    {
        if (catalog.Find(signal.Type) is not { } definition)
            return $"{signal.Id}: type '{signal.Type}' is not in the catalog";
        foreach (var key in signal.Attrs?.Keys ?? [])
        {
            if (!definition.Attrs.Contains(key))
                return $"{signal.Id}: '{signal.Type}' does not declare attribute '{key}'";
        }
        return definition.Kind switch
        {
            SignalKind.Category when signal.Category is null || definition.CategoryIndex(signal.Category) < 0 => $"{signal.Id}: category '{signal.Category}'",
            SignalKind.Score when signal.Value is < 0 or > 1 => $"{signal.Id}: score {signal.Value}",
            SignalKind.Flag when signal.Value != 1 => $"{signal.Id}: flag {signal.Value}",
            _ when definition.Kind != SignalKind.Category && signal.Category is not null => $"{signal.Id}: a category on a {definition.Kind} signal",
            _ => null,
        };
    }

    [Fact]
    public async Task Every_signal_of_the_shipped_scenario_fits_the_shipped_catalog_and_there_are_some_hundred_thousands()
    {
        var catalog = Catalog();
        var problems = new List<string>();
        var types = new HashSet<string>();
        var service = new InMemoryService((_, signal) =>
        {
            types.Add(signal.Type);
            if (problems.Count < 5 && Problem(catalog, signal) is { } problem)
                problems.Add(problem);
            return null;
        }, keep: false);

        await Simulation.RunAsync(ScenarioReader.Shipped(), service, new SimulationOptions { Scale = 0.01 }, CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal(["capability", "cot_elicitation", "new_model_request", "payment", "region_mismatch", "request"], types.Order());
        Assert.InRange(service.SignalCount, 100_000, 1_000_000);
        Assert.InRange(service.LargestBatch, 1, 10_000);
    }

    [Fact]
    public async Task A_served_exchange_is_a_request_a_cot_score_and_a_capability_with_the_same_linkage_keys()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var exchange = service.Signals.SkipWhile(s => s.Type != "request").Take(3).ToList();
        Assert.Equal(["request", "cot_elicitation", "capability"], exchange.Select(s => s.Type));
        Assert.Single(exchange.Select(s => s.At).Distinct());
        Assert.All(exchange, s => Assert.Equal(exchange[0].Attrs!.OrderBy(a => a.Key), s.Attrs!.OrderBy(a => a.Key)));
        Assert.Equal(1, exchange[0].Value);
        Assert.Contains(exchange[2].Category, ScenarioReader.Capabilities);
    }

    [Fact]
    public async Task Requests_to_a_model_released_less_than_48_hours_before_are_flagged()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var newModel = service.Signals.Where(s => s.Type == "request" && s.Attrs!["model"] == "m-5").ToList();
        var flags = service.Signals.Where(s => s.Type == "new_model_request").ToList();
        Assert.NotEmpty(newModel);
        Assert.All(newModel, r => Assert.True(r.At >= TestScenarios.Start.AddHours(2)));
        Assert.Equal(newModel.Count, flags.Count);
        Assert.All(flags, f => Assert.False(f.Attrs!.ContainsKey("device")));
    }

    [Fact]
    public async Task A_campaign_moves_its_pivot_share_onto_the_new_model_within_the_window()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(accounts: 40, exchanges: 20_000), service);

        double Share(int fromHour, int toHour)
        {
            var requests = service.Signals.Where(s => s.Type == "request" && s.Account.StartsWith("harvest.", StringComparison.Ordinal)
                && s.At >= TestScenarios.Start.AddHours(fromHour) && s.At < TestScenarios.Start.AddHours(toHour)).ToList();
            return requests.Count(r => r.Attrs!["model"] == "m-5") / (double)requests.Count;
        }
        Assert.Equal(0, Share(0, 2));
        Assert.InRange(Share(3, 6), 0.45, 0.55);
    }

    [Fact]
    public async Task Proxied_traffic_egressing_outside_its_billing_region_is_flagged()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var campaignRequests = service.Signals.Count(s => s.Type == "request" && s.Attrs!.ContainsKey("proxy"));
        var mismatches = service.Signals.Where(s => s.Type == "region_mismatch").ToList();
        Assert.Equal(campaignRequests, mismatches.Count);
        Assert.All(mismatches, m => Assert.Equal(["ip_prefix", "proxy"], m.Attrs!.Keys.Order()));
        Assert.DoesNotContain(service.Signals, s => s.Type == "region_mismatch" && s.Account.StartsWith("users.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_account_starts_with_its_profile_and_a_payment_signal_before_any_exchange()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        var accounts = service.Signals.Select(s => s.Account).Distinct().ToList();
        Assert.Equal(accounts.Order(), service.Profiles.Select(p => p.Account).Order());
        foreach (var account in accounts)
        {
            var first = service.Signals.First(s => s.Account == account);
            Assert.Equal("payment", first.Type);
            Assert.StartsWith("pm-", first.Attrs!["payment"], StringComparison.Ordinal);
        }
        var campaign = service.Profiles.Where(p => p.Account.StartsWith("harvest.", StringComparison.Ordinal)).ToList();
        Assert.All(campaign, p => Assert.False(p.Verified));
        Assert.Equal(4, service.Signals.Where(s => s.Type == "payment" && s.Account.StartsWith("harvest.", StringComparison.Ordinal)).Select(s => s.Attrs!["payment"]).Distinct().Count());
    }
}
