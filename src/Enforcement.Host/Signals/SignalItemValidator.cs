using Enforcement.Host.Configuration;
using Enforcement.Policy.Catalog;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Signals;

/// <summary>
/// The rules one signal must meet to reach its account's grain: ids and strings within their limits, a type of the
/// active catalog with a value of its kind, only the attributes the catalog declares for it, and an event time neither
/// too far ahead of the server's clock nor too old. The first rule broken is the item's rejection.
/// </summary>
public sealed class SignalItemValidator : AbstractValidator<SignalItem>
{
    public SignalItemValidator(IOptions<EnforcementOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(s => s.Malformed).Null().WithMessage(s => s.Malformed);
        RuleFor(s => s.Id)
            .NotEmpty().WithMessage("id: required")
            .MaximumLength(limits.MaxIdLength).WithMessage($"id: longer than {limits.MaxIdLength} characters");
        RuleFor(s => s.Account)
            .NotEmpty().WithMessage("account: required")
            .MaximumLength(limits.MaxIdLength).WithMessage($"account: longer than {limits.MaxIdLength} characters");
        RuleFor(s => s.Type)
            .NotEmpty().WithMessage("type: required")
            .MaximumLength(limits.MaxStringLength).WithMessage($"type: longer than {limits.MaxStringLength} characters")
            .Must((s, _) => s.Definition is not null).WithMessage(s => $"type: '{s.Type}' is not a signal of the active catalog");
        RuleFor(s => s)
            .Must(HasValueOfItsKind).WithMessage(s => $"value: {ValueProblem(s)}")
            .OverridePropertyName("value");
        RuleForEach(s => s.Attrs)
            .Must((s, attr) => s.Definition!.Attrs.Contains(attr.Key, StringComparer.Ordinal))
            .WithMessage((s, attr) => $"attrs.{attr.Key}: not an attribute of '{s.Type}'; it declares {Declared(s.Definition!)}")
            .Must(attr => attr.Value.Length <= limits.MaxStringLength)
            .WithMessage((_, attr) => $"attrs.{attr.Key}: longer than {limits.MaxStringLength} characters")
            .OverridePropertyName("attrs");
        RuleFor(s => s.At)
            .Must((s, at) => at <= s.ReceivedAt + limits.MaxClockSkew)
            .WithMessage((s, at) => $"at: {at.UtcDateTime:O} is ahead of the server's clock by more than {Durations.Format(limits.MaxClockSkew)}")
            .Must((s, at) => at >= s.ReceivedAt - limits.MaxSignalAge)
            .WithMessage((s, at) => $"at: {at.UtcDateTime:O} is older than {Durations.Format(limits.MaxSignalAge)}");
    }

    private static bool HasValueOfItsKind(SignalItem s) => ValueProblem(s) is null;

    private static string? ValueProblem(SignalItem s) => s.Definition!.Kind switch
    {
        SignalKind.Category when s.Category is null => $"'{s.Type}' is a category signal: its value is one of {string.Join(", ", s.Definition.Values)}",
        SignalKind.Category when s.Definition.CategoryIndex(s.Category) < 0 => $"'{s.Category}' is not a value of '{s.Type}'; expected one of {string.Join(", ", s.Definition.Values)}",
        SignalKind.Category => null,
        _ when s.Category is not null => $"'{s.Type}' is a {s.Definition.Kind.ToString().ToLowerInvariant()} signal: its value is a number, not a string",
        SignalKind.Score when s.Number is < 0 or > 1 => $"'{s.Type}' is a score: its value lies in 0..1",
        SignalKind.Count when s.Number < 0 => $"'{s.Type}' is a count: its value is not negative",
        SignalKind.Flag when s.Number is not (null or 1) => $"'{s.Type}' is a flag: its value is 1, or left out",
        _ => null,
    };

    private static string Declared(SignalDefinition definition) =>
        definition.Attrs.IsEmpty ? "none" : string.Join(", ", definition.Attrs);
}
