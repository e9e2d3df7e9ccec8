using System.Collections.Immutable;

namespace Enforcement.Simulation.Reporting;

/// <summary>The outcome of a run: per campaign, for the legitimate accounts, throughput, and each target met or not.</summary>
/// <param name="Scale">The scale the scenario ran at.</param>
/// <param name="ContainmentShare">The most of a campaign's hourly exchanges that may be served unrestricted in an hour it counts as contained (see <see cref="Containment"/>).</param>
public sealed record SimulationReport(
    string Scenario,
    double Scale,
    long Seed,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan Step,
    double ContainmentShare,
    ImmutableArray<CampaignOutcome> Campaigns,
    LegitimateOutcome Legitimate,
    Throughput Throughput,
    ImmutableArray<TargetOutcome> Targets)
{
    /// <summary>Every target that was checked was met.</summary>
    public bool TargetsMet => Targets.All(t => !t.Checked || t.Met);
}
