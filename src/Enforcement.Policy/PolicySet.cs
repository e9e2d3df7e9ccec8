using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Loading;

namespace Enforcement.Policy;

/// <summary>
/// A checked and compiled set of policies with its catalog. It is accepted or rejected as a whole, never in part.
/// </summary>
/// <param name="Hash">SHA-256 over every file's name and content: the revision of the set as a whole.</param>
public sealed class PolicySet(
    SignalCatalog catalog,
    ImmutableArray<PolicySource> sources,
    ImmutableDictionary<Scope, ScopeProgram> programs,
    string hash)
{
    public SignalCatalog Catalog { get; } = catalog;

    public ImmutableArray<PolicySource> Sources { get; } = sources;

    public string Hash { get; } = hash;

    public IEnumerable<CompiledPolicy> Policies => programs.Values.OrderBy(p => p.Scope).SelectMany(p => p.Policies);

    /// <summary>The program of a scope; a scope without policies has an empty one.</summary>
    public ScopeProgram For(Scope scope) => programs[scope];
}
