using FluentValidation;
using FluentValidation.Results;

namespace Enforcement.Policy.Loading;

/// <summary>Runs a validator over a raw record and turns its failures into located diagnostics.</summary>
internal static class ValidationDiagnostics
{
    public static void Check<T>(this IValidator<T> validator, T raw, SourceSpan fallback, List<Diagnostic> errors)
    {
        foreach (var failure in validator.Validate(raw).Errors)
            errors.Add(ToDiagnostic(failure, fallback));
    }

    /// <summary>Every rule states its position; the fallback only guards against a rule that forgot to.</summary>
    public static Diagnostic ToDiagnostic(ValidationFailure failure, SourceSpan fallback) =>
        new(failure.CustomState is SourceSpan at ? at : fallback, failure.ErrorMessage);

    /// <summary>Reports a failure found by a rule that looks at a whole collection, such as a duplicate name.</summary>
    public static void AddLocatedFailure<T>(this ValidationContext<T> context, SourceSpan at, string message) =>
        context.AddFailure(new ValidationFailure(context.PropertyPath, message) { CustomState = at });
}
