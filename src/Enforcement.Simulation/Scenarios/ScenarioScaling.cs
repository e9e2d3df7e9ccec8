namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// Shrinks a scenario for a quicker run. Every account and exchange count is multiplied by the scale, and so are the
/// counts of what accounts share (templates, proxies, address ranges, devices), so that each shared entity keeps about
/// as many members as at full scale. Per-account behaviour and rates do not change. A campaign keeps at least
/// <see cref="Scenario.MinAccounts"/> accounts, with its exchanges in proportion to the accounts it keeps, so that it
/// keeps its shape (enough accounts on a template or a payment instrument to look like a campaign).
/// </summary>
public static class ScenarioScaling
{
    public static Scenario Scale(Scenario scenario, double scale)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!(scale > 0 && scale <= 1))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A scale lies in (0, 1].");
        if (scale == 1)
            return scenario;
        return scenario with
        {
            Population = [.. scenario.Population.Select(g => g with { Accounts = Count(g.Accounts, scale) })],
            Hydra = scenario.Hydra is { } hydra
                ? hydra with
                {
                    Accounts = Count(hydra.Accounts, scale),
                    Proxies = Count(hydra.Proxies, scale),
                    IpPrefixes = Count(hydra.IpPrefixes, scale),
                    Customers = hydra.Customers with { Accounts = Count(hydra.Accounts, scale) },
                }
                : null,
            Campaigns = [.. scenario.Campaigns.Select(c => Campaign(c, scale, scenario.MinAccounts))],
            Scale = scenario.Scale * scale,
        };
    }

    private static Campaign Campaign(Campaign campaign, double scale, int minAccounts)
    {
        var accounts = Math.Min(campaign.Accounts, Math.Max(minAccounts, (int)Math.Round(campaign.Accounts * scale)));
        var factor = accounts / (double)campaign.Accounts;
        return campaign with
        {
            Accounts = accounts,
            Exchanges = (long)Math.Round(campaign.Exchanges * factor),
            Templates = Math.Max(campaign.TemplatesPerAccount, Count(campaign.Templates, factor)),
            Proxies = Count(campaign.Proxies, factor),
            IpPrefixes = Count(campaign.IpPrefixes, factor),
            Devices = Count(campaign.Devices, factor),
            MaxReplacements = (int)Math.Round(campaign.MaxReplacements * factor),
        };
    }

    /// <summary>A count times the factor; something there at full scale stays there, at least once.</summary>
    private static int Count(int count, double factor) =>
        count == 0 ? 0 : Math.Max(1, (int)Math.Round(count * factor));
}
