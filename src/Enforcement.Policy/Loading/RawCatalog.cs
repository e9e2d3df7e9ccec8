using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>A signal catalog file as written.</summary>
/// <param name="SignalsAt">Where the <c>signals</c> list is, or null when it is missing.</param>
/// <param name="Clusters">The <c>clusters</c> section, or null when the catalog has none.</param>
internal sealed record RawCatalog(ImmutableArray<RawSignal> Signals, SourceSpan? SignalsAt, SourceSpan At, RawClusters? Clusters = null);

/// <summary>One entry of <c>signals:</c>.</summary>
/// <param name="Values">The <c>values</c> list, or null when the entry has none.</param>
internal sealed record RawSignal(RawScalar? Name, RawScalar? Kind, ImmutableArray<RawScalar> Attrs, RawList? Values, SourceSpan At);

/// <summary>A list of single values and where it starts.</summary>
internal sealed record RawList(ImmutableArray<RawScalar> Items, SourceSpan At);
