using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>
/// The value rules validators apply to single values. Every rule passes an absent value (whether a field must be
/// present is the readers' concern) and carries the value's position as the failure's state, which is how a
/// failure becomes a <see cref="Diagnostic"/>. An empty value fails every rule with one message: what was expected.
/// </summary>
internal static class RawScalarRules
{
    public const string DurationExpectation = "a number followed by s, m, h or d, like 90s or 6h";

    public static IRuleBuilderOptions<T, RawScalar?> Text<T>(this IRuleBuilder<T, RawScalar?> rule, string field, string expected) =>
        rule.Must(v => v is null || !v.IsEmpty)
            .Located(v => $"'{field}' is empty: expected {expected}");

    public static IRuleBuilderOptions<T, RawScalar?> OneOf<T>(this IRuleBuilder<T, RawScalar?> rule, string field, ImmutableArray<string> words)
    {
        var expected = words.Length == 1 ? words[0] : $"one of {Vocabulary.OneOf(words)}";
        return rule.Must(v => v is null || words.Contains(v.Text, StringComparer.Ordinal))
            .Located(v => v.IsEmpty ? $"'{field}' is empty: expected {expected}" : $"'{field}' must be {expected}, not {v.Shown}");
    }

    public static IRuleBuilderOptions<T, RawScalar?> Matches<T>(this IRuleBuilder<T, RawScalar?> rule, string field, Regex pattern, string expected) =>
        rule.Must(v => v is null || pattern.IsMatch(v.Text))
            .Located(v => v.IsEmpty ? $"'{field}' is empty: expected {expected}" : $"'{field}' must be {expected}, not {v.Shown}");

    public static IRuleBuilderOptions<T, RawScalar?> WholeNumber<T>(this IRuleBuilder<T, RawScalar?> rule, string field, int min, int max = int.MaxValue)
    {
        var expected = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
        return rule.Must(v => v is null || (Literals.TryWholeNumber(v, out var n) && n >= min && n <= max))
            .Located(v => v.IsEmpty ? $"'{field}' is empty: expected {expected}" : $"'{field}' must be {expected}, not {v.ShownAsTyped}");
    }

    /// <summary>A duration literal of at least <paramref name="min"/>: two rules, so a bad literal and a short one read differently.</summary>
    public static IRuleBuilderOptions<T, RawScalar?> Duration<T>(this IRuleBuilder<T, RawScalar?> rule, string field, TimeSpan min) =>
        rule.Must(v => v is null || Policy.Duration.TryParse(v.Text, out _))
            .Located(v => v.IsEmpty ? $"'{field}' is empty: expected {DurationExpectation}" : $"'{field}' is not a duration: expected {DurationExpectation}")
            .Must(v => v is null || !Policy.Duration.TryParse(v.Text, out var d) || d >= min)
            .Located(v => $"'{field}' must be at least {Policy.Duration.Format(min)}, not {v.Text}");

    public static IRuleBuilderOptions<T, RawScalar?> Boolean<T>(this IRuleBuilder<T, RawScalar?> rule, string field) =>
        rule.Must(v => v is null || Literals.TryBoolean(v, out _))
            .Located(v => v.IsEmpty ? $"'{field}' is empty: expected true or false" : $"'{field}' must be true or false, not {v.ShownAsTyped}");

    public static IRuleBuilderOptions<T, RawScalar?> Timestamp<T>(this IRuleBuilder<T, RawScalar?> rule, string field) =>
        rule.Must(v => v is null || Literals.TryTimestamp(v.Text, out _))
            .Located(v => $"'{field}' must be a timestamp with its offset, like 2026-01-01T00:00:00Z, not {v.Shown}");

    /// <summary>The failure's message and, as its state, the value's position.</summary>
    public static IRuleBuilderOptions<T, RawScalar?> Located<T>(this IRuleBuilderOptions<T, RawScalar?> rule, Func<RawScalar, string> message) =>
        rule.WithMessage((_, v) => message(v!)).WithState((_, v) => v!.At);
}
