using System.Collections.Immutable;
using System.Globalization;
using Enforcement.Simulation.Reporting;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>Turns a run's tallies into its report, and judges the scenario's targets on it.</summary>
internal static class ReportBuilder
{
    public static CampaignOutcome Campaign(string name, Tally tally, int replacements, DateTimeOffset start, Targets targets)
    {
        var hours = Hours(tally);
        long unrestricted = tally.Unrestricted.Sum(), restricted = tally.Restricted.Sum(), refused = tally.Refused.Sum();
        var attempted = unrestricted + restricted + refused;
        DateTimeOffset? first = tally.FirstExchange == long.MaxValue ? null : SignalWriter.Time(tally.FirstExchange);
        var contained = Containment.ContainedAt(hours, targets.MaxUnrestrictedShare, start, first);
        return new CampaignOutcome(
            name,
            tally.Accounts,
            replacements,
            attempted,
            unrestricted + restricted,
            unrestricted,
            refused,
            Share(unrestricted, attempted),
            first,
            contained,
            contained - first,
            tally.EverRestricted,
            Share(tally.EverRestricted, tally.Accounts),
            hours);
    }

    public static LegitimateOutcome Legitimate(Tally tally, int hydraCustomers)
    {
        long unrestricted = tally.Unrestricted.Sum(), restricted = tally.Restricted.Sum(), refused = tally.Refused.Sum();
        var accounts = tally.Accounts;
        return new LegitimateOutcome(
            accounts,
            tally.Throttled,
            tally.Challenged,
            tally.Suspended,
            tally.EverRestricted,
            Share(tally.Throttled, accounts),
            Share(tally.Challenged, accounts),
            Share(tally.Suspended, accounts),
            Share(tally.EverRestricted, accounts),
            hydraCustomers,
            tally.HydraCustomersRestricted,
            unrestricted + restricted + refused,
            unrestricted,
            restricted,
            refused,
            Hours(tally));
    }

    public static SimulationReport Report(Scenario scenario, long seed, DateTimeOffset start, ImmutableArray<CampaignOutcome> campaigns, LegitimateOutcome legitimate, Throughput throughput) =>
        new(scenario.Name, scenario.Scale, seed, start, start + scenario.Duration, scenario.Step, scenario.Targets.MaxUnrestrictedShare, campaigns, legitimate, throughput,
            Judge(scenario.Targets, scenario.Scale, campaigns, legitimate, throughput));

    private static ImmutableArray<TargetOutcome> Judge(Targets targets, double scale, ImmutableArray<CampaignOutcome> campaigns, LegitimateOutcome legitimate, Throughput throughput)
    {
        var outcomes = ImmutableArray.CreateBuilder<TargetOutcome>();
        foreach (var c in campaigns)
        {
            var contained = c.ContainedAt is not null || c.ExchangesAttempted == 0;
            outcomes.Add(new TargetOutcome(
                $"{c.Name}: contained",
                $"contained, with at most {Percent(targets.MaxUnrestrictedShare)} of its exchanges served unrestricted",
                TargetUnit.Share,
                targets.MaxUnrestrictedShare,
                c.UnrestrictedShare,
                AtMost: true,
                Met: contained && c.UnrestrictedShare <= targets.MaxUnrestrictedShare,
                Checked: true));
        }
        outcomes.Add(new TargetOutcome(
            "legitimate: suspended",
            $"at most {targets.MaxLegitSuspended} legitimate accounts suspended",
            TargetUnit.Accounts,
            targets.MaxLegitSuspended,
            legitimate.Suspended,
            AtMost: true,
            Met: legitimate.Suspended <= targets.MaxLegitSuspended,
            Checked: true));
        outcomes.Add(new TargetOutcome(
            "legitimate: restricted",
            $"at most {Percent(targets.MaxLegitRestrictedShare)} of legitimate accounts throttled, challenged or suspended",
            TargetUnit.Share,
            targets.MaxLegitRestrictedShare,
            legitimate.RestrictedShare,
            AtMost: true,
            Met: legitimate.RestrictedShare <= targets.MaxLegitRestrictedShare,
            Checked: true));
        // Below full scale there is too little to measure throughput on: the figure is reported, not judged.
        outcomes.Add(new TargetOutcome(
            "throughput",
            $"at least {targets.MinSignalsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} signals/s over the whole run (judged at full scale)",
            TargetUnit.SignalsPerSecond,
            targets.MinSignalsPerSecond,
            throughput.SignalsPerSecond,
            AtMost: false,
            Met: throughput.SignalsPerSecond >= targets.MinSignalsPerSecond,
            Checked: scale >= 1));
        return outcomes.ToImmutable();
    }

    private static ImmutableArray<HourCounts> Hours(Tally tally) =>
        [.. Enumerable.Range(0, tally.Unrestricted.Length)
            .Select(h => new HourCounts(h, tally.Unrestricted[h], tally.Restricted[h], tally.Refused[h], tally.RestrictedAccounts[h]))];

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;

    private static string Percent(double share) => share.ToString("0.###%", CultureInfo.InvariantCulture);
}
