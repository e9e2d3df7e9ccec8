using Enforcement.Simulation.Reporting;
using Spectre.Console;

namespace Enforcement.Cli.Simulate;

/// <summary>The end of <c>enforce simulate</c>: the campaigns, the legitimate accounts, throughput and the targets.</summary>
public static class SimulationSummary
{
    public static void Write(IAnsiConsole console, SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var campaigns = new Table().Title("campaigns")
            .AddColumns("campaign", "accounts", "attempted", "served unrestricted", "share", "contained after", "accounts restricted");
        foreach (var c in report.Campaigns)
        {
            campaigns.AddRow(
                Markup.Escape(c.Name),
                $"{ReportFormat.Count(c.Accounts)} ({ReportFormat.Count(c.Replacements)} fresh)",
                ReportFormat.Count(c.ExchangesAttempted),
                ReportFormat.Count(c.ServedUnrestricted),
                ReportFormat.Share(c.UnrestrictedShare),
                ReportFormat.Span(c.TimeToContainment),
                ReportFormat.Share(c.RestrictedShare));
        }
        console.Write(campaigns);

        var l = report.Legitimate;
        console.MarkupLineInterpolated(
            $"legitimate: {ReportFormat.Count(l.Accounts)} accounts; throttled {l.Throttled}, challenged {l.Challenged}, suspended {l.Suspended} ({ReportFormat.Share(l.RestrictedShare)} restricted; {l.HydraCustomersRestricted} of them hydra customers)");
        var t = report.Throughput;
        console.MarkupLineInterpolated(
            $"throughput: {ReportFormat.Count(t.SignalsSent)} signals in {t.WallSeconds:0.0} s, {ReportFormat.Rate(t.SignalsPerSecond)} signals/s");
        if (t.Duplicates > 0)
            console.MarkupLineInterpolated($"[yellow]warning[/]: the service had already taken {ReportFormat.Count(t.Duplicates)} of these signals: it has seen this run before, and its figures mix both; use a fresh data folder");

        var targets = new Table().Title("targets").AddColumns("target", "limit", "figure", "outcome");
        foreach (var target in report.Targets)
        {
            var outcome = !target.Checked ? "[grey]not judged[/]" : target.Met ? "[green]met[/]" : "[red]not met[/]";
            targets.AddRow(
                Markup.Escape(target.Name),
                Markup.Escape($"{(target.AtMost ? "<=" : ">=")} {ReportFormat.Figure(target, target.Limit)}"),
                Markup.Escape(ReportFormat.Figure(target, target.Actual)),
                outcome);
        }
        console.Write(targets);
        console.MarkupLine(report.TargetsMet ? "[green]every target met[/]" : "[red]a target was not met[/]");
    }

    /// <summary>The service's work per signal: what its throughput is made of.</summary>
    internal static void WriteWork(IAnsiConsole console, WorkDone work, long signals)
    {
        if (signals == 0)
            return;
        double Per(long count) => (double)count / signals;
        console.MarkupLineInterpolated(
            $"grain calls per signal: account {Per(work.AccountCalls):0.00}, entity {Per(work.EntityCalls):0.00} ({(double)work.EntityEntries / Math.Max(1, work.EntityCalls):0.0} entries a call), cluster map {Per(work.ClusterMapCalls):0.00}");
        console.MarkupLineInterpolated($"store writes per signal: {Per(work.Writes):0.00} in {Per(work.Flushes):0.000} flushes");
    }
}
