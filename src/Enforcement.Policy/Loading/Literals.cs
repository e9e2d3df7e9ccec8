using System.Globalization;
using System.Text.RegularExpressions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// How single values read as numbers, durations, ranges, booleans and timestamps. Validators ask whether a value
/// reads; builders read values the validators accepted.
/// </summary>
internal static partial class Literals
{
    public static bool TryWholeNumber(RawScalar value, out int number)
    {
        number = 0;
        return !value.Quoted && int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A plain number such as <c>0.8</c> or <c>1200</c>; quoted values and words like NaN are text.</summary>
    public static bool TryNumber(RawScalar value, out double number)
    {
        number = 0;
        return !value.Quoted
            && NumberPattern().IsMatch(value.Text)
            && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    /// <summary>A delay range such as <c>10m..2h</c>.</summary>
    public static bool TryRange(string text, out TimeSpan min, out TimeSpan max)
    {
        min = max = default;
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        return dots > 0
            && Duration.TryParse(text[..dots], out min)
            && Duration.TryParse(text[(dots + 2)..], out max);
    }

    /// <summary>YAML's booleans: true, True, TRUE and their false counterparts, unquoted.</summary>
    public static bool TryBoolean(RawScalar value, out bool result)
    {
        result = value.Text is "true" or "True" or "TRUE";
        return !value.Quoted && (result || value.Text is "false" or "False" or "FALSE");
    }

    /// <summary>An ISO 8601 timestamp with its offset, such as <c>2026-01-01T00:00:00Z</c>.</summary>
    public static bool TryTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return TimestampPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    public static int WholeNumber(RawScalar value) =>
        TryWholeNumber(value, out var number) ? number : throw NotValidated(value);

    public static TimeSpan DurationOf(RawScalar value) =>
        Duration.TryParse(value.Text, out var duration) ? duration : throw NotValidated(value);

    private static InvalidOperationException NotValidated(RawScalar value) =>
        new($"{value.At}: '{value.Text}' was built before it was validated");

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex TimestampPattern();
}
