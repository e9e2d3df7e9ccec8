using System.Globalization;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>How values read in explanations: numbers without noise, durations as authors write them.</summary>
public static class Values
{
    public static string Number(double value) => double.IsNaN(value)
        ? "none"
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds))
            return "none";
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        var sign = span < TimeSpan.Zero ? "-" : "";
        span = span.Duration();
        var parts = new List<string>();
        if (span.Days > 0)
            parts.Add($"{span.Days}d");
        if (span.Hours > 0)
            parts.Add($"{span.Hours}h");
        if (span.Minutes > 0 && span.Days == 0)
            parts.Add($"{span.Minutes}m");
        if (span.Seconds > 0 && span.Days == 0 && span.Hours == 0)
            parts.Add($"{span.Seconds}s");
        return parts.Count == 0 ? "0s" : sign + string.Concat(parts);
    }
}
