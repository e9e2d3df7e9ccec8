namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// A distillation campaign: <see cref="Accounts"/> scripted accounts that together attempt <see cref="Exchanges"/>
/// exchanges between <see cref="Start"/> and <see cref="Start"/> + <see cref="Duration"/>, each light on its own and
/// given away by what they share: payment instruments, proxies, templates, devices, timing.
/// </summary>
/// <param name="Ramp">The accounts start one after another over this span from the campaign's start.</param>
/// <param name="Templates">The campaign's scripted prompt templates.</param>
/// <param name="TemplatesPerAccount">How many of them each account uses.</param>
/// <param name="AccountsPerPayment">Accounts paying with one instrument: consecutive accounts share one, registered in a batch.</param>
/// <param name="Proxies">Dedicated proxies (0: none, traffic comes straight from its address ranges).</param>
/// <param name="IpPrefixes">Dedicated address ranges.</param>
/// <param name="HydraShare">The share of its accounts routed through the hydra proxy network instead.</param>
/// <param name="RegionMismatch">The share of its proxied accounts that egress outside their billing region.</param>
/// <param name="ReplaceSuspended">Fresh accounts, paying with the same instruments and behind the same proxies, replace each suspended, failed or abandoned one.</param>
/// <param name="ReplacementLag">How long after an account is lost its replacement may start.</param>
/// <param name="MaxReplacements">How many fresh accounts the campaign can create in all.</param>
public sealed record Campaign(
    string Name,
    int Accounts,
    long Exchanges,
    TimeSpan Start,
    TimeSpan Duration,
    TimeSpan Ramp,
    Pacing Pacing,
    int Templates,
    int TemplatesPerAccount,
    int AccountsPerPayment,
    int Proxies,
    int IpPrefixes,
    double HydraShare,
    int Devices,
    double RegionMismatch,
    ScoreDistribution Cot,
    Mix Capabilities,
    Mix Models,
    Pivot? Pivot,
    AgeRange Age,
    Mix Regions,
    Mix Tiers,
    bool ReplaceSuspended,
    TimeSpan ReplacementLag,
    int MaxReplacements,
    ChallengeResponse OnChallenge)
{
    public TimeSpan End => Start + Duration;

    /// <summary>Payment instruments the campaign pays with.</summary>
    public int PaymentInstruments => (Accounts + AccountsPerPayment - 1) / AccountsPerPayment;
}
