using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>A test signal has an offset and a type; a run of them has a positive spacing and a bounded count.</summary>
internal sealed class RawTestSignalValidator : AbstractValidator<RawTestSignal>
{
    /// <summary>Enough for any realistic burst, small enough that a typo cannot make a test run out of memory.</summary>
    public const int MaxCount = 1_000_000;

    public const int MaxSpread = 100_000;

    public RawTestSignalValidator()
    {
        RuleFor(s => s.At).Duration("at", TimeSpan.Zero);
        RuleFor(s => s.Type).Text("type", "a signal type from the catalog, like request");
        RuleFor(s => s.Value).Text("value", "a number, or a value of a category signal");
        RuleFor(s => s.Account).Text("account", "an account id");
        RuleForEach(s => s.Attrs).Must(a => !a.Key.IsEmpty && !a.Value.IsEmpty)
            .WithMessage((_, a) => a.Key.IsEmpty ? "an attribute needs a name" : $"attribute '{a.Key.Text}' is empty: expected its value")
            .WithState((_, a) => a.Key.IsEmpty ? a.Key.At : a.Value.At);
        RuleFor(s => s.Every).Duration("every", TimeSpan.FromSeconds(1));
        RuleFor(s => s.Count).WholeNumber("count", 1, MaxCount);
        RuleFor(s => s.Spread).WholeNumber("spread", 1, MaxSpread);
    }
}
