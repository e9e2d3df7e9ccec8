using Enforcement.Policy.Loading;
using FluentValidation;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>Builds raw records by hand and reads a validator's verdict on them as located messages.</summary>
internal static class Raw
{
    public const string FileName = "v.yaml";

    public static SourceSpan At(int line, int column) => new(FileName, line, column);

    public static readonly SourceSpan Start = new(FileName, 1, 1);

    /// <summary>A plain value written at <paramref name="line"/>:<paramref name="column"/>.</summary>
    public static RawScalar S(string text, int line = 1, int column = 1) => new(text, false, new SourceSpan(FileName, line, column));

    public static RawScalar Quoted(string text, int line = 1, int column = 1) => new(text, true, new SourceSpan(FileName, line, column));

    /// <summary>Every failure as <c>line:col: message</c>; a failure without a position would show as the fallback 0:0.</summary>
    public static IReadOnlyList<string> Failures<T>(IValidator<T> validator, T raw) =>
        [.. validator.Validate(raw).Errors.Select(f => ValidationDiagnostics.ToDiagnostic(f, SourceSpan.None)).Select(d => $"{d.At.Line}:{d.At.Column}: {d.Message}")];

    public static RawAction Throttle(string rpm, string? @for = null) =>
        new(Definitions.ActionKind.Throttle, At(1, 5), For: @for is null ? null : S(@for, 1, 30), Rpm: S(rpm, 1, 20));

    public static RawRung Rung(params RawAction[] actions) => new([.. actions], null, At(1, 3), actions.Length);

    public static RawPolicy APolicy(Func<RawPolicy, RawPolicy>? change = null)
    {
        var policy = new RawPolicy(
            Id: S("abuse.volume", 3, 5),
            Version: S("1", 4, 10),
            Title: S("Volume", 5, 8),
            Owner: S("tests", 6, 8),
            Severity: S("low", 7, 11),
            Scope: S("account", 8, 8),
            Mode: null,
            When: S("count(request, 1h) > 0", 9, 7),
            Condition: null,
            Ladder: [Rung(Throttle("20"))],
            LadderAt: At(11, 3),
            Cooldown: null,
            Decay: null,
            Tests: [],
            At: Start);
        return change is null ? policy : change(policy);
    }
}
