using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>Turns a validated raw policy into its <see cref="PolicyDefinition"/>, filling in the defaults.</summary>
internal static class PolicyBuilder
{
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromHours(1);

    public static readonly TimeSpan DefaultDecay = TimeSpan.FromDays(7);

    public static PolicyDefinition Build(RawPolicy raw, PolicySource source) =>
        new(
            raw.Id!.Text,
            Literals.WholeNumber(raw.Version!),
            raw.Title!.Text,
            raw.Owner!.Text,
            (Severity)Vocabulary.IndexOf(Vocabulary.Severities, raw.Severity!.Text),
            Scopes.TryParse(raw.Scope!.Text, out var scope) ? scope : throw new InvalidOperationException("scope was not validated"),
            raw.Mode is null ? PolicyMode.Enforce : (PolicyMode)Vocabulary.IndexOf(Vocabulary.Modes, raw.Mode.Text),
            raw.Condition!,
            [.. raw.Ladder.Select(Rung)],
            raw.Cooldown is null ? DefaultCooldown : Literals.DurationOf(raw.Cooldown),
            raw.Decay is null ? DefaultDecay : Literals.DurationOf(raw.Decay),
            [.. raw.Tests.Select(PolicyTestBuilder.Build)],
            source.File,
            ContentHash(source.Text),
            raw.Id.At);

    /// <summary>The revision every decision records: lowercase hex SHA-256 of the file's UTF-8 bytes.</summary>
    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Rung Rung(RawRung raw)
    {
        DelayRange? delay = raw.Delay is not null && Literals.TryRange(raw.Delay.Text, out var min, out var max) ? new DelayRange(min, max) : null;
        return new Rung([.. raw.Actions.Select(Action)], delay, raw.At);
    }

    private static EnforcementAction Action(RawAction raw) =>
        new(
            raw.Kind,
            raw.At,
            raw.For is null ? null : Literals.DurationOf(raw.For),
            raw.Rpm is null ? null : Literals.WholeNumber(raw.Rpm),
            raw.Challenge?.Text,
            raw.Queue?.Text,
            raw.Kind == ActionKind.Escalate ? raw.Priority?.Text ?? Vocabulary.DefaultPriority : null);
}
