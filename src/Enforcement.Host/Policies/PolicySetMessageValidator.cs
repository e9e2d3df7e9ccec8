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
        RuleFor(m => m.Files)
            .NotEmpty().WithMessage("A policy set needs its files: {\"files\": {\"signals.yaml\": \"…\", …}}.")
            .Must(files => files!.Count <= MaxFiles).WithMessage($"A policy set holds at most {MaxFiles} files.");
        RuleForEach(m => m.Files!.Keys)
            .Must(name => name.Length is > 0 and <= MaxNameLength && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
            .WithMessage((_, name) => $"'{name}' is not a policy file name: .yaml or .yml, at most {MaxNameLength} characters.")
            .OverridePropertyName("files")
            .When(m => m.Files is not null);
    }
}
