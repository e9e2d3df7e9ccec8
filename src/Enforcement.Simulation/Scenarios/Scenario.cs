using System.Collections.Immutable;

namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// A population of legitimate accounts and the campaigns run against the service, as a scenario file describes them.
/// Every offset is from <see cref="Start"/>; every count is at full scale (see <see cref="ScenarioScaling"/>).
/// </summary>
/// <param name="Step">Simulated time per tick: the gateway learns enforcement changes once per step.</param>
/// <param name="MinAccounts">The fewest accounts a campaign keeps when scaled down, so that it keeps its shape.</param>
/// <param name="SdkTemplates">How many popular SDK and agent-framework prompt templates legitimate accounts share.</param>
/// <param name="Scale">The scale this scenario was scaled to; 1 as read.</param>
public sealed record Scenario(
    string Name,
    string? Description,
    long Seed,
    DateTimeOffset Start,
    TimeSpan Duration,
    TimeSpan Step,
    int MinAccounts,
    ImmutableArray<ModelRelease> Models,
    int SdkTemplates,
    ImmutableArray<AccountGroup> Population,
    Hydra? Hydra,
    ImmutableArray<Campaign> Campaigns,
    Targets Targets,
    double Scale = 1)
{
    public DateTimeOffset End => Start + Duration;
}
