using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>
/// Everyone in a run: the legitimate accounts (the population's groups and the hydra's customers) and the campaigns'
/// slots, with their linkage keys and profiles. Built in a fixed order from the seed, so the same seed builds the same
/// roster; campaign accounts open as their slots start, and replacements as they are needed.
/// </summary>
internal sealed class Roster
{
    private readonly Scenario scenario;
    private readonly long seed;
    private readonly DateTimeOffset start;
    private readonly Dictionary<string, SimAccount> accounts = new(StringComparer.Ordinal);

    private Roster(Scenario scenario, long seed, DateTimeOffset start)
    {
        this.scenario = scenario;
        this.seed = seed;
        this.start = start;
        Models = new ModelClock(scenario, start);
        SdkTemplates = [.. Enumerable.Range(0, scenario.SdkTemplates).Select(i => $"t-sdk-{i}")];
        Campaigns = [.. scenario.Campaigns.Select((c, i) => new CampaignRun(c, i, seed, start, Models))];
    }

    public ModelClock Models { get; }

    public string[] SdkTemplates { get; }

    public CampaignRun[] Campaigns { get; }

    public List<Actor> Actors { get; } = [];

    public int LegitimateAccounts { get; private set; }

    public int HydraCustomers { get; private set; }

    public SimAccount? Find(string id) => accounts.GetValueOrDefault(id);

    public static Roster Build(Scenario scenario, long seed, DateTimeOffset start)
    {
        var roster = new Roster(scenario, seed, start);
        roster.AddPopulation();
        roster.AddHydraCustomers();
        roster.AddCampaigns();
        return roster;
    }

    private long StartTicks => start.UtcTicks;

    private long EndTicks => (start + scenario.Duration).UtcTicks;

    private void AddPopulation()
    {
        var home = 0;
        for (var g = 0; g < scenario.Population.Length; g++)
        {
            var group = scenario.Population[g];
            var behaviour = new GroupBehaviour(group, Models, SdkTemplates.Length);
            for (var i = 0; i < group.Accounts; i++)
            {
                var id = $"{group.Name}.{i}";
                var keys = Shared(group, g, i, id, Addresses.Home(home++));
                AddLegitimate(id, group, behaviour, keys, hydraCustomer: false);
            }
        }
    }

    private void AddHydraCustomers()
    {
        if (scenario.Hydra is not { } hydra)
            return;
        var behaviour = new GroupBehaviour(hydra.Customers, Models, SdkTemplates.Length);
        for (var i = 0; i < hydra.Accounts; i++)
        {
            var id = $"{hydra.Name}.{i}";
            var (proxy, prefix) = HydraExit(hydra, id);
            var mismatch = Unit(id, "mismatch") < hydra.Customers.RegionMismatch;
            AddLegitimate(id, hydra.Customers, behaviour, new AccountKeys(prefix, proxy, $"dev-{id}", null, $"pm-{id}", mismatch), hydraCustomer: true);
            HydraCustomers++;
        }
    }

    private void AddLegitimate(string id, AccountGroup group, GroupBehaviour behaviour, AccountKeys keys, bool hydraCustomer)
    {
        var age = group.Age.Min + (group.Age.Max - group.Age.Min) * Unit(id, "age");
        var profile = new SimProfile(
            id,
            start - age,
            Cumulatives.Pick(group.Tiers, Unit(id, "tier")),
            Cumulatives.Pick(group.Regions, Unit(id, "region")),
            Unit(id, "verified") < group.Verified);
        var account = new SimAccount(id, 0, hydraCustomer, keys, profile);
        accounts.Add(id, account);
        Actors.Add(new LegitActor(SimRandom.For(seed, id), account, behaviour, StartTicks, EndTicks));
        LegitimateAccounts++;
    }

    /// <summary>The keys of account <paramref name="i"/> of a group: what its units share, its own for the rest.</summary>
    private static AccountKeys Shared(AccountGroup group, int g, int i, string id, string home)
    {
        string ip = home, device = $"dev-{id}", payment = $"pm-{id}";
        string? org = null;
        foreach (var sharing in group.Shared)
        {
            var unit = sharing.Size is { } size ? i / size : i % sharing.Units!.Value;
            foreach (var key in sharing.Keys)
            {
                switch (key)
                {
                    case "ip_prefix":
                        ip = Addresses.Shared(g, unit);
                        break;
                    case "org":
                        org = $"org-{group.Name}-{unit}";
                        break;
                    case "payment":
                        payment = $"pm-{group.Name}-{unit}";
                        break;
                    case "device":
                        device = $"dev-{group.Name}-{unit}";
                        break;
                }
            }
        }
        return new AccountKeys(ip, null, device, org, payment, false);
    }

    private void AddCampaigns()
    {
        foreach (var run in Campaigns)
        {
            for (var k = 0; k < run.Campaign.Accounts; k++)
                Actors.Add(new CampaignSlot(SimRandom.For(seed, $"{run.Campaign.Name}.{k}"), run, k, OpenCampaignAccount));
        }
    }

    /// <summary>
    /// A campaign account: paying with its slot's instrument (consecutive slots share one, as a campaign registers
    /// accounts in batches on one card), behind the slot's proxy or a hydra exit, on the slot's device rotated per
    /// replacement.
    /// </summary>
    private SimAccount OpenCampaignAccount(CampaignSlot slot, int generation, long at)
    {
        var run = slot.Run;
        var campaign = run.Campaign;
        var k = slot.Index;
        var slotId = $"{campaign.Name}.{k}";
        var id = generation == 0 ? slotId : $"{slotId}.r{generation}";
        string prefix;
        string? proxy;
        if (scenario.Hydra is { } hydra && Unit(slotId, "hydra") < campaign.HydraShare)
            (proxy, prefix) = HydraExit(hydra, slotId);
        else
        {
            proxy = campaign.Proxies > 0 ? $"px-{campaign.Name}-{k % campaign.Proxies}" : null;
            prefix = Addresses.Campaign(run.Index, k % campaign.IpPrefixes);
        }
        var keys = new AccountKeys(
            prefix,
            proxy,
            $"dev-{campaign.Name}-{(k + (long)generation * campaign.Accounts) % campaign.Devices}",
            null,
            $"pm-{campaign.Name}-{k / campaign.AccountsPerPayment}",
            proxy is not null && Unit(slotId, "mismatch") < campaign.RegionMismatch);
        var age = campaign.Age.Min + (campaign.Age.Max - campaign.Age.Min) * Unit(id, "age");
        var opened = SignalWriter.Time(at);
        var profile = new SimProfile(
            id,
            opened - age,
            Cumulatives.Pick(campaign.Tiers, Unit(id, "tier")),
            Cumulatives.Pick(campaign.Regions, Unit(id, "region")),
            false);
        var account = new SimAccount(id, run.Population, false, keys, profile) { Slot = slot };
        accounts.Add(id, account);
        return account;
    }

    private (string Proxy, string Prefix) HydraExit(Hydra hydra, string id) =>
        ($"px-{hydra.Name}-{(int)(Unit(id, "exit") * hydra.Proxies)}", Addresses.Hydra((int)(Unit(id, "prefix") * hydra.IpPrefixes)));

    private double Unit(string id, string what) => StableHash.Unit(seed, what, (long)StableHash.Of(id));
}
