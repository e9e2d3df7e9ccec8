using System.Collections.Immutable;

namespace Enforcement.Policy.Catalog;

/// <summary>One signal type the detectors upstream may send.</summary>
/// <param name="Values">The allowed values of a category signal; empty for every other kind.</param>
public sealed record SignalDefinition(
    string Name,
    SignalKind Kind,
    ImmutableArray<string> Attrs,
    ImmutableArray<string> Values,
    SourceSpan At)
{
    /// <summary>The position of a category value, which is how windows count shares; -1 if the value is not declared.</summary>
    public int CategoryIndex(string value) => Values.IndexOf(value, StringComparer.Ordinal);
}
