using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// What loading a policy set produced. With any error the catalog is null and there are no policies: a set is
/// accepted whole or not at all.
/// </summary>
public sealed record LoadResult(SignalCatalog? Catalog, ImmutableArray<PolicyDefinition> Policies, ImmutableArray<Diagnostic> Errors)
{
    public bool Succeeded => Errors.IsEmpty;
}
