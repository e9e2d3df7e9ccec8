using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>An expectation has an offset and checks at least one thing, each spelled as the engine reports it.</summary>
internal sealed class RawTestExpectationValidator : AbstractValidator<RawTestExpectation>
{
    public RawTestExpectationValidator()
    {
        RuleFor(e => e.At).Duration("at", TimeSpan.Zero);
        RuleFor(e => e.State).OneOf("state", Vocabulary.States);
        // The upper bound is the policy's ladder, which only the policy's validator knows.
        RuleFor(e => e.Rung).WholeNumber("rung", 0);
        RuleFor(e => e.Action).OneOf("action", Vocabulary.Actions);
        RuleFor(e => e.Rpm).WholeNumber("rpm", 1, RawActionValidator.MaxRpm);
        RuleFor(e => e.Challenge).Matches("challenge", Names.LowercaseWordPattern(), $"{Names.LowercaseWord}, like identity");
        RuleFor(e => e)
            .Must(e => e.State is not null || e.Rung is not null || e.Action is not null || e.Rpm is not null || e.Challenge is not null)
            .WithName("expect")
            .WithMessage("an expectation needs at least one of state, rung, action, rpm or challenge besides 'at'")
            .WithState(e => e.Span);
    }
}
