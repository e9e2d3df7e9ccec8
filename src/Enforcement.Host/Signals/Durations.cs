namespace Enforcement.Host.Signals;

/// <summary>Writes a limit the way policy files write durations: <c>5m</c>, <c>7d</c>, <c>36h</c>.</summary>
public static class Durations
{
    public static string Format(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.Days}d"
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)span.TotalHours}h"
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)span.TotalMinutes}m"
        : $"{span.TotalSeconds:0.###}s";
}
