using System.Globalization;

namespace Enforcement.Store.Sqlite;

/// <summary>How times are kept: ISO-8601 round-trip text in TEXT columns, UTC ticks in INTEGER columns that are compared.</summary>
internal static class StoredTime
{
    private const string RoundTrip = "O";

    public static string ToText(DateTimeOffset at) => at.ToString(RoundTrip, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, RoundTrip, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static long ToTicks(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
