using System.Collections.Immutable;

namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// A group of legitimate accounts that behave alike: everyday users, developers on SDKs, offices, families, researchers.
/// Each account draws its daily volume once; each exchange draws its capability, chain-of-thought score, template and
/// model from the group's distributions.
/// </summary>
/// <param name="Volume">Exchanges per day per account: heavy-tailed.</param>
/// <param name="Verified">The share of the group's accounts that are verified.</param>
/// <param name="Age">How old the accounts are at the scenario's start.</param>
/// <param name="NewModel">The share of traffic that moves to a model released during the scenario, from its release.</param>
/// <param name="RegionMismatch">The share of proxied accounts whose proxy egresses outside their billing region.</param>
/// <param name="Shared">Linkage keys the group's accounts share with each other: offices, carriers, families, companies.</param>
public sealed record AccountGroup(
    string Name,
    int Accounts,
    VolumeDistribution Volume,
    Mix Capabilities,
    ScoreDistribution Cot,
    double Verified,
    AgeRange Age,
    Mix Regions,
    Mix Tiers,
    TemplateUse Templates,
    Mix Models,
    double NewModel,
    double RegionMismatch,
    ImmutableArray<Sharing> Shared);
