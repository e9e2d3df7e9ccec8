using System.Collections.Immutable;
using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>A catalog declares at least one signal, each under its own name, and cluster rules that make sense.</summary>
internal sealed class RawCatalogValidator : AbstractValidator<RawCatalog>
{
    public RawCatalogValidator()
    {
        RuleFor(c => c.Signals)
            .Must(s => !s.IsEmpty)
            .When(c => c.SignalsAt is not null)
            .WithMessage("'signals' must declare at least one signal")
            .WithState(c => c.SignalsAt!.Value);
        RuleFor(c => c.Signals).Custom(ReportDuplicateNames);
        RuleForEach(c => c.Signals).SetValidator(new RawSignalValidator());
        RuleFor(c => c.Clusters!).SetValidator(new RawClustersValidator()).When(c => c.Clusters is not null);
    }

    private static void ReportDuplicateNames(ImmutableArray<RawSignal> signals, ValidationContext<RawCatalog> context)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var name in signals.Select(s => s.Name).OfType<RawScalar>().Where(n => !n.IsEmpty))
        {
            if (!first.TryAdd(name.Text, name.At))
                context.AddLocatedFailure(name.At, $"duplicate signal '{name.Text}': first declared at line {first[name.Text].Line}");
        }
    }
}
