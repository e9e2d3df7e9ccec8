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

    /// <summary>
    /// Completes when every condition runs on its second tier (<see cref="Language.Compilation.CompiledCondition.Promote"/>).
    /// The set evaluates correctly before that, only more slowly; benchmarks wait for it.
    /// </summary>
    public Task Promoted { get; private set; } = Task.CompletedTask;

    /// <summary>Compiles the second tier of every condition on the thread pool.</summary>
    internal void PromoteInBackground() =>
        Promoted = Task.Run(() =>
        {
            foreach (var policy in Policies)
                policy.Condition.Promote();
        });

    /// <summary>The program of a scope; a scope without policies has an empty one.</summary>
    public ScopeProgram For(Scope scope) => programs[scope];
}
