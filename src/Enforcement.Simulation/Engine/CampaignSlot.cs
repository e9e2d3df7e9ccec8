namespace Enforcement.Simulation.Engine;

/// <summary>
/// One of a campaign's scripted accounts, and the accounts that replace it: a replacement pays with the same
/// instrument and comes through the same proxy (ban evasion), after the campaign's replacement lag.
/// </summary>
internal sealed class CampaignSlot : Actor
{
    private readonly CampaignRun run;
    private readonly Func<CampaignSlot, int, long, SimAccount> open;
    private readonly int[] templates;
    private SimAccount? account;
    private long replacementDue = long.MaxValue;

    /// <param name="open">Opens the slot's account of a generation (0 first, then replacements) starting at a time.</param>
    public CampaignSlot(SimRandom random, CampaignRun run, int index, Func<CampaignSlot, int, long, SimAccount> open)
        : base(random)
    {
        this.run = run;
        this.open = open;
        Index = index;
        Next = run.SlotStarts[index];
        var campaign = run.Campaign;
        templates = new int[campaign.TemplatesPerAccount];
        for (var j = 0; j < templates.Length; j++)
            templates[j] = 1 + (index * templates.Length + j) % campaign.Templates;
    }

    public CampaignRun Run => run;

    public int Index { get; }

    public int Generation { get; private set; }

    public SimAccount? Account => account;

    public override SimAccount Begin()
    {
        Starting = false;
        account = open(this, 0, Next);
        return account;
    }

    public override Exchange Draw()
    {
        var random = Random;
        var capability = random.Pick(run.Capabilities);
        var cot = Math.Clamp(random.Normal(run.Campaign.Cot.Mean, run.Campaign.Cot.Sd), 0, 1);
        var template = templates[random.Next(templates.Length)];
        var model = random.Pick(run.ModelMix);
        if (random.NextDouble() < run.PivotShare(Next))
            model = run.PivotModel;
        return new Exchange(Next, capability, cot, template, model);
    }

    public override SimAccount? AccountForExchange(out bool fresh)
    {
        fresh = false;
        if (account is null && replacementDue <= Next && run.ReplacementsLeft > 0)
        {
            run.ReplacementsLeft--;
            run.Replacements++;
            account = open(this, ++Generation, Next);
            replacementDue = long.MaxValue;
            fresh = true;
        }
        return account;
    }

    /// <summary>The campaign stops using its account; a fresh one may take over from <paramref name="at"/> plus the lag.</summary>
    public void Retire(long at)
    {
        if (account is null)
            return;
        account.Retired = true;
        account = null;
        if (run.Campaign.ReplaceSuspended)
            replacementDue = at + run.Campaign.ReplacementLag.Ticks;
    }

    public override void Advance()
    {
        if (run.Rate <= 0)
        {
            Next = long.MaxValue;
            return;
        }
        var t = run.Pacing.AddActive(Next, Random.Exponential(run.Rate)) + 1;
        Next = t >= run.EndTicks ? long.MaxValue : t;
    }
}
