using Enforcement.Host.Configuration;
using FluentValidation;

namespace Enforcement.Host.Cases;

/// <summary>The rules messages about cases share.</summary>
public static class CaseRules
{
    public const int MaxNote = 4000;

    public static IRuleBuilderOptions<T, string> CaseId<T>(this IRuleBuilder<T, string> rule, EnforcementOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return rule
            .NotEmpty().WithMessage("A case id is required.")
            .MaximumLength(limits.MaxIdLength).WithMessage($"A case id is at most {limits.MaxIdLength} characters.")
            .OverridePropertyName("id");
    }

    /// <summary>Free text a person wrote: required, bounded.</summary>
    public static IRuleBuilderOptions<T, string> Text<T>(this IRuleBuilder<T, string> rule, string name) => rule
        .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage($"{name}: some words are required.")
        .MaximumLength(MaxNote).WithMessage($"{name}: at most {MaxNote} characters.")
        .OverridePropertyName(name);
}
