using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>A rung takes at least one action, and its delay is a range no longer than a day.</summary>
internal sealed class RawRungValidator : AbstractValidator<RawRung>
{
    /// <summary>Feedback denial hides which request tripped a policy; beyond a day it only delays enforcement.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);

    private const string MaxDelayText = "24h";

    public RawRungValidator()
    {
        RuleFor(r => r.ActionsWritten)
            .Must(n => n > 0)
            .WithMessage($"a rung needs at least one action: {Vocabulary.OneOf(Vocabulary.Actions)}")
            .WithState(r => r.At);
        RuleFor(r => r.Delay)
            .Must(d => d is null || Literals.TryRange(d.Text, out _, out _))
            .Located(d => $"'delay' must be a range of two durations, like 10m..2h, not {d.Shown}")
            .Must(d => d is null || !Literals.TryRange(d.Text, out var min, out var max) || min <= max)
            .Located(d => $"'delay' must not end before it starts: {d.Text}")
            .Must(d => d is null || !Literals.TryRange(d.Text, out _, out var max) || max <= MaxDelay)
            .Located(d => $"'delay' must end within {MaxDelayText}, not {d.Text}");
        RuleForEach(r => r.Actions).SetValidator(new RawActionValidator());
    }
}
