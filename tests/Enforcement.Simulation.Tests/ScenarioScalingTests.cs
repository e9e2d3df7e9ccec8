using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Tests;

public sealed class ScenarioScalingTests
{
    private static readonly Scenario Shipped = ScenarioReader.Shipped();

    [Fact]
    public void Multiplies_account_and_exchange_counts_by_the_scale()
    {
        var scaled = ScenarioScaling.Scale(Shipped, 0.1);

        Assert.Equal(Shipped.Population.Select(g => (int)Math.Round(g.Accounts * 0.1)), scaled.Population.Select(g => g.Accounts));
        Assert.Equal(2_000, scaled.Hydra!.Accounts);
        Assert.Equal([120, 780, 1_500], scaled.Campaigns.Select(c => c.Accounts));
        Assert.Equal([15_000L, 340_000L, 1_300_000L], scaled.Campaigns.Select(c => c.Exchanges));
        Assert.Equal(0.1, scaled.Scale);
    }

    [Fact]
    public void Keeps_a_campaign_at_min_accounts_with_its_exchanges_in_proportion_so_per_account_rates_hold()
    {
        var scaled = ScenarioScaling.Scale(Shipped, 0.01);

        var small = scaled.Campaigns[0];
        Assert.Equal(Shipped.MinAccounts, small.Accounts);
        var original = Shipped.Campaigns[0];
        Assert.Equal(original.Exchanges / (double)original.Accounts, small.Exchanges / (double)small.Accounts, 1);
        Assert.Equal(original.AccountsPerPayment, small.AccountsPerPayment);
    }

    [Fact]
    public void Scales_what_accounts_share_so_each_shared_entity_keeps_its_members_and_nothing_vanishes()
    {
        var scaled = ScenarioScaling.Scale(Shipped, 0.01);

        var large = scaled.Campaigns[2];
        Assert.Equal(150, large.Accounts);
        Assert.Equal(3, large.Templates);
        Assert.Equal(1, large.IpPrefixes);
        Assert.Equal(1, scaled.Hydra!.Proxies);
        Assert.All(scaled.Population, g => Assert.True(g.Accounts >= 1));
        Assert.Equal(Shipped.Population.Select(g => g.Shared), scaled.Population.Select(g => g.Shared));
    }

    [Fact]
    public void Leaves_a_scenario_alone_at_full_scale_and_refuses_a_scale_outside_zero_to_one()
    {
        Assert.Same(Shipped, ScenarioScaling.Scale(Shipped, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioScaling.Scale(Shipped, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioScaling.Scale(Shipped, 2));
    }
}
