using FluentValidation;

namespace Enforcement.Host.Policies;

/// <summary>The shape every posted policy set must have before it is worth compiling.</summary>
public abstract class PolicySetMessageValidator<TMessage> : AbstractValidator<TMessage>
    where TMessage : IPolicySetMessage
{
    public const int MaxFiles = 1000;
    public const int MaxNameLength = 256;

    protected PolicySetMessageValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(m => m.Files)
            .NotEmpty().WithMessage("A policy set needs its files: {\"files\": {\"signals.yaml\": \"…\", …}}.")
            .Must(files => files!.Count <= MaxFiles).WithMessage($"A policy set holds at most {MaxFiles} files.")
            .Must(files => !BadNames(files!).Any())
            .WithMessage(m => $"Not policy file names (.yaml or .yml, at most {MaxNameLength} characters): {string.Join(", ", BadNames(m.Files!).Select(n => $"'{n}'"))}.")
            .OverridePropertyName("files");
    }

    private static IEnumerable<string> BadNames(IReadOnlyDictionary<string, string> files) =>
        files.Keys.Where(name => name.Length is 0 or > MaxNameLength
            || !(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)));
}
