using System.Collections.Immutable;
using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>The value rules of a policy's own fields; its rungs and tests have validators of their own.</summary>
internal sealed class RawPolicyValidator : AbstractValidator<RawPolicy>
{
    public const int MaxRungs = 10;

    public RawPolicyValidator()
    {
        RuleFor(p => p.Id).Matches("id", Names.PolicyIdPattern(), Names.PolicyIdExpectation);
        RuleFor(p => p.Version).WholeNumber("version", 1);
        RuleFor(p => p.Title).Text("title", "a short title");
        RuleFor(p => p.Owner).Text("owner", "the team that owns the policy");
        RuleFor(p => p.Severity).OneOf("severity", Vocabulary.Severities);
        RuleFor(p => p.Scope).OneOf("scope", Definitions.Scopes.Names);
        RuleFor(p => p.Mode).OneOf("mode", Vocabulary.Modes);
        RuleFor(p => p.When).Text("when", "a condition, like count(request, 1h) >= 200");
        RuleFor(p => p.Cooldown).Duration("cooldown", TimeSpan.FromSeconds(1));
        RuleFor(p => p.Decay).Duration("decay", TimeSpan.FromSeconds(1));
        RuleFor(p => p.Ladder)
            .Must(l => l.Length is >= 1 and <= MaxRungs)
            .When(p => p.LadderAt is not null)
            .WithMessage((_, l) => $"'ladder' must have 1 to {MaxRungs} rungs, not {l.Length}")
            .WithState(p => p.LadderAt!.Value);
        RuleForEach(p => p.Ladder).SetValidator(new RawRungValidator());
        RuleForEach(p => p.Tests).SetValidator(new RawPolicyTestValidator());
        RuleFor(p => p.Tests).Custom(ReportDuplicateNames);
        RuleFor(p => p.Tests).Custom((tests, context) => ReportRungsBeyondLadder(tests, context.InstanceToValidate.Ladder.Length, context));
    }

    private static void ReportDuplicateNames(ImmutableArray<RawPolicyTest> tests, ValidationContext<RawPolicy> context)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var name in tests.Select(t => t.Name).OfType<RawScalar>().Where(n => !n.IsEmpty))
        {
            if (!first.TryAdd(name.Text, name.At))
                context.AddLocatedFailure(name.At, $"duplicate test name '{name.Text}': first used at line {first[name.Text].Line}");
        }
    }

    /// <summary>A test cannot expect a rung the ladder does not have; 0 is the bottom, before any rung.</summary>
    private static void ReportRungsBeyondLadder(ImmutableArray<RawPolicyTest> tests, int rungs, ValidationContext<RawPolicy> context)
    {
        if (rungs == 0)
            return;
        foreach (var rung in tests.SelectMany(t => t.Expectations).Select(e => e.Rung).OfType<RawScalar>())
        {
            if (Literals.TryWholeNumber(rung, out var number) && number > rungs)
                context.AddLocatedFailure(rung.At, $"'rung' must be from 0 to {rungs}, the rungs of the ladder, not {number}");
        }
    }
}
