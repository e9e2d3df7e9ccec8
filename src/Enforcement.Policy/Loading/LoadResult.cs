using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// What loading a policy set produced. With errors, <see cref="Catalog"/> and <see cref="Policies"/> hold only the
/// files that loaded cleanly, for checking further; a set with any error is never accepted, in whole or in part.
/// </summary>
public sealed record LoadResult(SignalCatalog? Catalog, ImmutableArray<PolicyDefinition> Policies, ImmutableArray<Diagnostic> Errors)
{
    public bool Succeeded => Errors.IsEmpty;
}
