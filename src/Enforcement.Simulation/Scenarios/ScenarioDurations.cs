using System.Globalization;

namespace Enforcement.Simulation.Scenarios;

/// <summary>Durations as scenario files write them: <c>90s</c>, <c>15m</c>, <c>6h</c>, <c>3d</c>, <c>2w</c>; offsets may be negative (<c>-200d</c>).</summary>
public static class ScenarioDurations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var negative = text.StartsWith('-');
        var body = negative ? text.AsSpan(1) : text.AsSpan();
        if (body.Length < 2)
            return false;
        var unitTicks = body[^1] switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            'w' => 7 * TimeSpan.TicksPerDay,
            _ => 0,
        };
        if (unitTicks == 0 || !long.TryParse(body[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return false;
        if (amount > TimeSpan.MaxValue.Ticks / unitTicks)
            return false;
        value = TimeSpan.FromTicks((negative ? -amount : amount) * unitTicks);
        return true;
    }

    /// <summary>The shortest literal that reads back as the same span.</summary>
    public static string Format(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var ticks = Math.Abs(value.Ticks);
        if (ticks % TimeSpan.TicksPerDay == 0)
            return $"{sign}{ticks / TimeSpan.TicksPerDay}d";
        if (ticks % TimeSpan.TicksPerHour == 0)
            return $"{sign}{ticks / TimeSpan.TicksPerHour}h";
        if (ticks % TimeSpan.TicksPerMinute == 0)
            return $"{sign}{ticks / TimeSpan.TicksPerMinute}m";
        return $"{sign}{ticks / TimeSpan.TicksPerSecond}s";
    }
}
