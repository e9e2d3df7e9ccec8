using System.Globalization;
using System.Net;
using System.Text;

namespace Enforcement.Simulation.Reporting;

/// <summary>The report as one self-contained page: the targets, a table per population, and a timeline per campaign.</summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; color: #1c2833; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d5d8dc; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #eaeded; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #f4f6f6; font-weight: 600; }
        .met { color: #1e8449; font-weight: 600; }
        .missed { color: #c0392b; font-weight: 600; }
        .unchecked { color: #7f8c8d; }
        .muted { color: #7f8c8d; }
        .legend span { display: inline-block; margin-right: 1rem; }
        .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -1px; }
        svg { display: block; margin: 0.5rem 0 1.5rem; max-width: 100%; height: auto; }
        svg .title { font-size: 13px; font-weight: 600; }
        svg .axis { font-size: 11px; fill: #566573; }
        """;

    public static string Render(SimulationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>Simulation: {Encode(report.Scenario)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Simulation of {Encode(report.Scenario)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">scale {report.Scale.ToString(CultureInfo.InvariantCulture)}, seed {report.Seed}, {ReportFormat.Time(report.Start)} to {ReportFormat.Time(report.End)}, step {report.Step}</p>\n");
        var verdict = report.TargetsMet ? "<span class=\"met\">every target met</span>" : "<span class=\"missed\">a target was not met</span>";
        html.Append(CultureInfo.InvariantCulture, $"<p>{verdict}</p>\n");
        Targets(html, report);
        Campaigns(html, report);
        Legitimate(html, report);
        Throughput(html, report);
        Timelines(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Targets(StringBuilder html, SimulationReport report)
    {
        html.Append("<h2>Targets</h2>\n<table>\n<tr><th>target</th><th>limit</th><th>figure</th><th>outcome</th></tr>\n");
        foreach (var t in report.Targets)
        {
            var (cls, word) = !t.Checked ? ("unchecked", "not judged") : t.Met ? ("met", "met") : ("missed", "not met");
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(t.Description)} <span class=\"muted\">({Encode(t.Name)})</span></td><td>{(t.AtMost ? "≤" : "≥")} {ReportFormat.Figure(t, t.Limit)}</td><td>{ReportFormat.Figure(t, t.Actual)}</td><td class=\"{cls}\">{word}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Campaigns(StringBuilder html, SimulationReport report)
    {
        html.Append("<h2>Campaigns</h2>\n<table>\n<tr><th>campaign</th><th>accounts</th><th>replacements</th><th>exchanges attempted</th><th>served</th><th>served unrestricted</th><th>share unrestricted</th><th>time to containment</th><th>accounts restricted</th></tr>\n");
        foreach (var c in report.Campaigns)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(c.Name)}</td><td>{ReportFormat.Count(c.Accounts)}</td><td>{ReportFormat.Count(c.Replacements)}</td><td>{ReportFormat.Count(c.ExchangesAttempted)}</td><td>{ReportFormat.Count(c.Served)}</td><td>{ReportFormat.Count(c.ServedUnrestricted)}</td><td>{ReportFormat.Share(c.UnrestrictedShare)}</td><td>{ReportFormat.Span(c.TimeToContainment)}</td><td>{ReportFormat.Share(c.RestrictedShare)}</td></tr>\n");
        }
        html.Append("</table>\n<p class=\"muted\">Contained: from the start of the earliest hour after which, hour by hour, at most ");
        html.Append(ReportFormat.Share(report.ContainmentShare));
        html.Append(" of the campaign's attempted exchanges were served unrestricted; timed from its first exchange.</p>\n");
    }

    private static void Legitimate(StringBuilder html, SimulationReport report)
    {
        var l = report.Legitimate;
        html.Append("<h2>Legitimate accounts</h2>\n<table>\n<tr><th></th><th>accounts</th><th>share</th></tr>\n");
        foreach (var (name, count, share) in new[]
        {
            ("accounts", l.Accounts, 1.0),
            ("throttled", l.Throttled, l.ThrottledShare),
            ("challenged", l.Challenged, l.ChallengedShare),
            ("suspended", l.Suspended, l.SuspendedShare),
            ("restricted in any way", l.Restricted, l.RestrictedShare),
        })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td>{ReportFormat.Count(count)}</td><td>{ReportFormat.Share(share)}</td></tr>\n");
        }
        html.Append("</table>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{ReportFormat.Count(l.HydraCustomersRestricted)} of the hydra's {ReportFormat.Count(l.HydraCustomers)} ordinary customers restricted. Exchanges: {ReportFormat.Count(l.ExchangesAttempted)} attempted, {ReportFormat.Count(l.ServedRestricted)} served under a throttle, {ReportFormat.Count(l.Refused)} refused.</p>\n");
    }

    private static void Throughput(StringBuilder html, SimulationReport report)
    {
        var t = report.Throughput;
        html.Append("<h2>Throughput</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{ReportFormat.Count(t.SignalsSent)} signals in {ReportFormat.Count(t.Batches)} batches and {ReportFormat.Count(t.Profiles)} profiles over {t.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: <strong>{ReportFormat.Rate(t.SignalsPerSecond)} signals/s</strong>. {ReportFormat.Count(t.StateChanges)} state changes followed, {ReportFormat.Count(t.ChallengesReported)} challenges reported.</p>\n");
    }

    private static void Timelines(StringBuilder html, SimulationReport report)
    {
        html.Append("<h2>Timelines</h2>\n<p class=\"legend\">");
        html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{TimelineChart.UnrestrictedColour}\"></i>served unrestricted</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{TimelineChart.RestrictedColour}\"></i>served restricted</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{TimelineChart.RefusedColour}\"></i>refused</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{TimelineChart.AccountsColour}\"></i>accounts restricted (right axis)</span></p>\n");
        foreach (var c in report.Campaigns)
        {
            int? contained = c.ContainedAt is { } at ? (int)Math.Floor((at - report.Start).TotalHours) : null;
            html.Append(TimelineChart.Render($"{c.Name}: exchanges per hour", c.Hours, contained)).Append('\n');
        }
        html.Append(TimelineChart.Render("legitimate accounts: exchanges per hour", report.Legitimate.Hours, null)).Append('\n');
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
