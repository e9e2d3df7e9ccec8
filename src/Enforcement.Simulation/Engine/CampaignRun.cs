using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>
/// What a campaign's slots share while it runs: its pacing, the rate that makes its exchanges add up, its model mix and
/// pivot, and what is left of its budget of fresh accounts.
/// </summary>
internal sealed class CampaignRun
{
    public CampaignRun(Campaign campaign, int index, long seed, DateTimeOffset start, ModelClock models)
    {
        Campaign = campaign;
        Index = index;
        Seed = seed;
        Models = models;
        StartTicks = (start + campaign.Start).UtcTicks;
        EndTicks = (start + campaign.End).UtcTicks;
        Pacing = new PacingClock(campaign.Pacing, StartTicks);
        Capabilities = Cumulatives.Of(campaign.Capabilities, ScenarioReader.Capabilities);
        ModelMix = models.Cumulative(campaign.Models);
        if (campaign.Pivot is { } pivot)
        {
            PivotModel = models.Index(pivot.Model);
            PivotStart = (start + pivot.At).UtcTicks;
            PivotWithin = pivot.Within.Ticks;
        }
        ReplacementsLeft = campaign.MaxReplacements;
        TemplateNames = [.. Enumerable.Range(0, campaign.Templates).Select(t => $"t-{campaign.Name}-{t}")];
        SlotStarts = [.. Enumerable.Range(0, campaign.Accounts).Select(SlotStart)];
        // One rate for every account, in exchanges per tick of active time, so that the campaign's attempts add up to
        // its exchanges over the windows its accounts are running in.
        var active = SlotStarts.Sum(s => Pacing.ActiveUntil(EndTicks) - Pacing.ActiveUntil(s));
        Rate = active > 0 ? campaign.Exchanges / active : 0;
    }

    public Campaign Campaign { get; }

    public int Index { get; }

    /// <summary>The population number of its accounts: 1 + <see cref="Index"/>.</summary>
    public int Population => 1 + Index;

    public long Seed { get; }

    public ModelClock Models { get; }

    public long StartTicks { get; }

    public long EndTicks { get; }

    public PacingClock Pacing { get; }

    public double Rate { get; }

    public double[] Capabilities { get; }

    public double[] ModelMix { get; }

    public int PivotModel { get; } = -1;

    public long PivotStart { get; }

    public long PivotWithin { get; }

    public long[] SlotStarts { get; }

    public string[] TemplateNames { get; }

    public int ReplacementsLeft { get; set; }

    public int Replacements { get; set; }

    /// <summary>The share of traffic on the pivot model at <paramref name="t"/>.</summary>
    public double PivotShare(long t)
    {
        if (PivotModel < 0 || t < PivotStart)
            return 0;
        var share = Campaign.Pivot!.Share;
        return t - PivotStart >= PivotWithin ? share : share * (t - PivotStart) / PivotWithin;
    }

    /// <summary>Slots start one after another over the ramp, each at a jittered point of its own share of it.</summary>
    private long SlotStart(int slot)
    {
        var ramp = Campaign.Ramp.Ticks;
        var jitter = StableHash.Unit(Seed, Campaign.Name + "/start", slot);
        return StartTicks + (long)(ramp * ((slot + jitter) / Campaign.Accounts));
    }
}
