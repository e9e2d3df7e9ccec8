using System.Collections.Immutable;
using FluentValidation;

namespace Enforcement.Policy.Loading;

/// <summary>
/// A signal's name and attributes are lower_snake_case, its kind is known, and a category signal, and only a
/// category signal, lists its distinct values.
/// </summary>
internal sealed class RawSignalValidator : AbstractValidator<RawSignal>
{
    private const string Category = "category";

    public RawSignalValidator()
    {
        RuleFor(s => s.Name).Matches("name", Names.SnakeCasePattern(), $"{Names.SnakeCase}, like cot_elicitation");
        RuleFor(s => s.Kind).OneOf("kind", Vocabulary.SignalKinds);
        RuleForEach(s => s.Attrs).Must(a => Names.SnakeCasePattern().IsMatch(a.Text))
            .WithMessage((_, a) => $"attribute {a.Shown} must be {Names.SnakeCase}, like ip_prefix")
            .WithState((_, a) => a.At);
        RuleFor(s => s.Attrs).Custom((attrs, context) => ReportDuplicates(attrs, "attribute", "attrs", context));
        RuleFor(s => s.Values).Custom((_, context) => CheckValues(context.InstanceToValidate, context));
    }

    private static void CheckValues(RawSignal signal, ValidationContext<RawSignal> context)
    {
        var kind = signal.Kind?.Text;
        var name = signal.Name is { IsEmpty: false } n ? $"'{n.Text}'" : "this signal";
        if (kind == Category && signal.Values is null)
        {
            context.AddLocatedFailure(signal.At, $"category signal {name} needs 'values': the list of its allowed values");
        }
        else if (kind == Category && signal.Values!.Items.IsEmpty)
        {
            context.AddLocatedFailure(signal.Values.At, $"'values' of category signal {name} must list at least one value");
        }
        else if (kind == Category)
        {
            foreach (var empty in signal.Values!.Items.Where(v => v.IsEmpty))
                context.AddLocatedFailure(empty.At, "a category value must not be empty");
            ReportDuplicates(signal.Values.Items, "value", "values", context);
        }
        else if (kind is not null && Vocabulary.SignalKinds.Contains(kind) && signal.Values is not null)
        {
            context.AddLocatedFailure(signal.Values.At, $"'values' is only for category signals, and {name} is a {kind} signal");
        }
    }

    private static void ReportDuplicates(ImmutableArray<RawScalar> items, string what, string field, ValidationContext<RawSignal> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !i.IsEmpty && !seen.Add(i.Text)))
            context.AddLocatedFailure(item.At, $"duplicate {what} '{item.Text}' in '{field}'");
    }
}
