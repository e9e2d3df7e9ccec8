namespace Enforcement.Simulation.Engine;

/// <summary>
/// One account: who it is (its keys and profile), and what the gateway knows of it (its state as last learned from the
/// change feed, and how much it was served in the current minute, for a throttle).
/// </summary>
internal sealed class SimAccount(string id, int population, bool hydraCustomer, AccountKeys keys, SimProfile profile)
{
    private Dictionary<int, SignalAttrs>? exchangeAttrs;
    private SignalAttrs? mismatchAttrs;
    private long signals;

    public string Id { get; } = id;

    /// <summary>0 for legitimate accounts, 1 + the campaign's index for a campaign's.</summary>
    public int Population { get; } = population;

    public bool IsLegitimate => Population == 0;

    public bool HydraCustomer { get; } = hydraCustomer;

    public AccountKeys Keys { get; } = keys;

    public SimProfile Profile { get; } = profile;

    public GateState State { get; set; }

    public int Rpm { get; set; }

    public string? ChallengeKind { get; set; }

    public long Minute { get; set; } = -1;

    public int ServedInMinute { get; set; }

    public bool EverThrottled { get; set; }

    public bool EverChallenged { get; set; }

    public bool EverSuspended { get; set; }

    public bool EverRestricted => EverThrottled || EverChallenged || EverSuspended;

    /// <summary>Counts the times the account entered a challenge, so that a report scheduled for an earlier one is dropped.</summary>
    public int ChallengeEpisode { get; set; }

    public int ChallengeReports { get; set; }

    /// <summary>A campaign account its campaign no longer uses (lost to a suspension or a challenge).</summary>
    public bool Retired { get; set; }

    public CampaignSlot? Slot { get; init; }

    public string NextSignalId() => string.Create(null, stackalloc char[96], $"{Id}-{++signals}");

    /// <summary>The attributes of an exchange with this template and model, built once per combination.</summary>
    public SignalAttrs ExchangeAttrs(int key, Func<SimAccount, int, SignalAttrs> build)
    {
        exchangeAttrs ??= [];
        if (!exchangeAttrs.TryGetValue(key, out var attrs))
        {
            attrs = build(this, key);
            exchangeAttrs[key] = attrs;
        }
        return attrs;
    }

    public SignalAttrs MismatchAttrs => mismatchAttrs ??= new SignalAttrs(SignalAttrs.MismatchKeys, Keys.IpPrefix, Keys.Proxy);
}
