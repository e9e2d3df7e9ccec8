using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;

namespace Enforcement.Simulation.Reporting;

/// <summary>
/// An inline SVG chart of one population's hours: stacked bars of exchanges served unrestricted, served restricted and
/// refused (left axis), a line of accounts restricted (right axis), day marks, and where containment began.
/// </summary>
internal static class TimelineChart
{
    private const int Width = 960, Height = 260, Left = 70, Right = 70, Top = 28, Bottom = 34;

    public const string UnrestrictedColour = "#c0392b", RestrictedColour = "#e08e0b", RefusedColour = "#a6acaf", AccountsColour = "#1f618d", ContainedColour = "#1e8449";

    public static string Render(string title, ImmutableArray<HourCounts> hours, int? containedHour)
    {
        var svg = new StringBuilder();
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var n = Math.Max(1, hours.Length);
        var maxExchanges = Math.Max(1, hours.Select(h => h.Attempted).DefaultIfEmpty().Max());
        var maxAccounts = Math.Max(1, hours.Select(h => h.AccountsRestricted).DefaultIfEmpty().Max());
        var barWidth = plotWidth / (double)n;
        double X(double hour) => Left + hour * barWidth;
        double Y(double value, double max) => Top + plotHeight * (1 - value / max);

        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"16\" class=\"title\">{Encode(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"#fbfcfc\" stroke=\"#d5d8dc\"/>");
        foreach (var hour in hours)
        {
            var x = X(hour.Hour);
            var w = Math.Max(0.5, barWidth - 0.4);
            var bottom = (double)Top + plotHeight;
            foreach (var (value, colour) in new[] { (hour.ServedUnrestricted, UnrestrictedColour), (hour.ServedRestricted, RestrictedColour), (hour.Refused, RefusedColour) })
            {
                if (value == 0)
                    continue;
                var height = plotHeight * (value / (double)maxExchanges);
                bottom -= height;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{bottom:0.##}\" width=\"{w:0.##}\" height=\"{height:0.##}\" fill=\"{colour}\"/>");
            }
        }
        if (hours.Length > 0)
        {
            var points = string.Join(" ", hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{X(h.Hour + 0.5):0.##},{Y(h.AccountsRestricted, maxAccounts):0.##}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{AccountsColour}\" stroke-width=\"1.6\"/>");
        }
        for (var day = 0; day * 24 <= n; day++)
        {
            var x = X(day * 24);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.##}\" y1=\"{Top + plotHeight}\" x2=\"{x:0.##}\" y2=\"{Top + plotHeight + 5}\" stroke=\"#566573\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{Height - 12}\" text-anchor=\"middle\" class=\"axis\">day {day}</text>");
        }
        if (containedHour is { } contained)
        {
            var x = X(contained);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.##}\" y1=\"{Top}\" x2=\"{x:0.##}\" y2=\"{Top + plotHeight}\" stroke=\"{ContainedColour}\" stroke-dasharray=\"4 3\" stroke-width=\"1.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.##}\" y=\"{Top + 12}\" class=\"axis\" fill=\"{ContainedColour}\">contained</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" class=\"axis\">{ReportFormat.Count(maxExchanges)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" class=\"axis\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight / 2}\" text-anchor=\"end\" class=\"axis\">per hour</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"{Top + 4}\" class=\"axis\" fill=\"{AccountsColour}\">{ReportFormat.Count(maxAccounts)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"{Top + plotHeight}\" class=\"axis\" fill=\"{AccountsColour}\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"{Top + plotHeight / 2}\" class=\"axis\" fill=\"{AccountsColour}\">accounts</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
