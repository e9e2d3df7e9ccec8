using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>What a test says about an account reads as <c>account.*</c> does: an age, words and a boolean.</summary>
internal sealed class RawTestAccountValidator : AbstractValidator<RawTestAccount>
{
    public RawTestAccountValidator()
    {
        RuleFor(a => (RawScalar?)a.Id).Text("account id", "an account id, like a-1");
        RuleFor(a => a.Age).Duration("age", TimeSpan.Zero);
        RuleFor(a => a.Tier).Text("tier", "a tier, like free");
        RuleFor(a => a.Region).Text("region", "a region, like US");
        RuleFor(a => a.Verified).Boolean("verified");
    }
}
