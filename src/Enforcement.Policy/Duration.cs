using System.Globalization;

namespace Enforcement.Policy;

/// <summary>Duration literals as policy authors write them: <c>90s</c>, <c>15m</c>, <c>6h</c>, <c>30d</c>.</summary>
public static class Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length < 2)
            return false;
        var unit = text[^1];
        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return false;
        var unitTicks = unit switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            _ => 0,
        };
        // A literal too large for a TimeSpan is not a duration, rather than an overflow.
        if (unitTicks == 0 || amount > TimeSpan.MaxValue.Ticks / unitTicks)
            return false;
        value = TimeSpan.FromTicks(amount * unitTicks);
        return true;
    }

    /// <summary>The shortest literal that reads back as the same span, so messages quote what authors write.</summary>
    public static string Format(TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerDay == 0)
            return $"{value.Ticks / TimeSpan.TicksPerDay}d";
        if (value.Ticks % TimeSpan.TicksPerHour == 0)
            return $"{value.Ticks / TimeSpan.TicksPerHour}h";
        if (value.Ticks % TimeSpan.TicksPerMinute == 0)
            return $"{value.Ticks / TimeSpan.TicksPerMinute}m";
        return $"{value.Ticks / TimeSpan.TicksPerSecond}s";
    }
}
