using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>Every file says which format version it is written in and what kind of file it is.</summary>
internal sealed class RawHeaderValidator : AbstractValidator<RawHeader>
{
    public RawHeaderValidator()
    {
        RuleFor(h => h.ApiVersion).OneOf("apiVersion", [Vocabulary.ApiVersion]);
        RuleFor(h => h.Kind).OneOf("kind", Vocabulary.Kinds);
    }
}
