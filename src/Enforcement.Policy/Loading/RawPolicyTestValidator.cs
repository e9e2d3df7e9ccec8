using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>A test has a name, a subject, a valid start and at least one expectation.</summary>
internal sealed class RawPolicyTestValidator : AbstractValidator<RawPolicyTest>
{
    public RawPolicyTestValidator()
    {
        RuleFor(t => t.Name).Text("name", "a name for the test");
        RuleFor(t => t.Subject).Text("subject", "the account or entity the test judges");
        RuleFor(t => t.Start).Timestamp("start");
        RuleFor(t => t.Expectations)
            .Must(e => !e.IsEmpty)
            .WithMessage("a test needs at least one expectation in 'expect'")
            .WithState(t => t.ExpectAt);
        RuleForEach(t => t.Accounts).SetValidator(new RawTestAccountValidator());
        RuleForEach(t => t.Signals).SetValidator(new RawTestSignalValidator());
        RuleForEach(t => t.Expectations).SetValidator(new RawTestExpectationValidator());
    }
}
