using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>The parameters of one action: a sane rpm, a real duration, a known priority.</summary>
internal sealed class RawActionValidator : AbstractValidator<RawAction>
{
    public const int MaxRpm = 1_000_000;

    /// <summary>Shorter actions would expire before a gateway's copy of the state caught up.</summary>
    public static readonly TimeSpan MinFor = TimeSpan.FromMinutes(1);

    public RawActionValidator()
    {
        RuleFor(a => a.Rpm).WholeNumber("rpm", 1, MaxRpm);
        RuleFor(a => a.For).Duration("for", MinFor);
        RuleFor(a => a.Challenge).Matches("kind", Names.LowercaseWordPattern(), $"{Names.LowercaseWord}, like identity, captcha or payment");
        RuleFor(a => a.Queue).Matches("queue", Names.LowercaseWordPattern(), $"{Names.LowercaseWord}, like threat-intel");
        RuleFor(a => a.Priority).OneOf("priority", Vocabulary.Priorities);
    }
}
