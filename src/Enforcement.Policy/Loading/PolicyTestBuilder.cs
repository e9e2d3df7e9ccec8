using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>Turns a validated raw test into its <see cref="PolicyTest"/>, filling in the defaults.</summary>
internal static class PolicyTestBuilder
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PolicyTest Build(RawPolicyTest raw) =>
        new(
            raw.Name!.Text,
            raw.Subject!.Text,
            raw.Start is not null && Literals.TryTimestamp(raw.Start.Text, out var start) ? start : DefaultStart,
            raw.Accounts.ToImmutableDictionary(a => a.Id.Text, Account, StringComparer.Ordinal),
            [.. raw.Signals.Select(Signal)],
            [.. raw.Expectations.Select(Expectation)],
            raw.At);

    private static TestAccount Account(RawTestAccount raw) =>
        new(
            raw.Age is null ? null : Literals.DurationOf(raw.Age),
            raw.Tier?.Text,
            raw.Region?.Text,
            raw.Verified is not null && Literals.TryBoolean(raw.Verified, out var verified) ? verified : null);

    /// <summary>A number is the signal's value; any other text is the value of a category signal.</summary>
    private static TestSignal Signal(RawTestSignal raw)
    {
        var isNumber = raw.Value is not null && Literals.TryNumber(raw.Value, out _);
        return new TestSignal(
            Literals.DurationOf(raw.At!),
            raw.Type!.Text,
            isNumber && Literals.TryNumber(raw.Value!, out var value) ? value : 1,
            raw.Value is not null && !isNumber ? raw.Value.Text : null,
            raw.Account?.Text,
            raw.Attrs.ToImmutableDictionary(a => a.Key.Text, a => a.Value.Text, StringComparer.Ordinal),
            raw.Every is null ? null : Literals.DurationOf(raw.Every),
            raw.Count is null ? 1 : Literals.WholeNumber(raw.Count),
            raw.Spread is null ? 1 : Literals.WholeNumber(raw.Spread),
            raw.Span);
    }

    private static TestExpectation Expectation(RawTestExpectation raw) =>
        new(
            Literals.DurationOf(raw.At!),
            raw.State?.Text,
            raw.Rung is null ? null : Literals.WholeNumber(raw.Rung),
            raw.Action is null ? null : ActionKindOf(raw.Action.Text),
            raw.Rpm is null ? null : Literals.WholeNumber(raw.Rpm),
            raw.Challenge?.Text,
            raw.Span);

    private static ActionKind ActionKindOf(string name) =>
        Enum.Parse<ActionKind>(name, ignoreCase: true);
}
