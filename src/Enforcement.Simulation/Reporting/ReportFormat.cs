using System.Globalization;

namespace Enforcement.Simulation.Reporting;

/// <summary>How figures read in the report's page and on the console.</summary>
public static class ReportFormat
{
    public static string Share(double share) => share.ToString("0.00%", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>A span as days, hours and minutes, such as <c>1d 02h 05m</c>; "never" for none.</summary>
    public static string Span(TimeSpan? span)
    {
        if (span is not { } s)
            return "never";
        if (s < TimeSpan.FromMinutes(1))
            return $"{(int)s.TotalSeconds}s";
        var text = s.Days > 0 ? $"{s.Days}d {s.Hours:00}h {s.Minutes:00}m" : s.Hours > 0 ? $"{s.Hours}h {s.Minutes:00}m" : $"{s.Minutes}m";
        return text;
    }

    /// <summary>A target's figure in its own unit: a share, a count or a rate.</summary>
    public static string Figure(TargetOutcome target, double value)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Unit switch
        {
            TargetUnit.SignalsPerSecond => $"{Rate(value)}/s",
            TargetUnit.Accounts => Count((long)value),
            _ => Share(value),
        };
    }
}
