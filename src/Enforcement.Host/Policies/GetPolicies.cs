using System.Collections.Immutable;
using Enforcement.Runtime.PolicySets;
using Mediator;

namespace Enforcement.Host.Policies;

/// <summary><c>GET /v1/policies</c>: the set this silo evaluates with.</summary>
public sealed record GetPolicies : IQuery<PolicySetView>;

/// <param name="Files">File name to YAML text, exactly as accepted.</param>
public sealed record PolicySetView(long Version, string Hash, ImmutableSortedDictionary<string, string> Files);

public sealed class GetPoliciesHandler(ActivePolicySet active) : IQueryHandler<GetPolicies, PolicySetView>
{
    public ValueTask<PolicySetView> Handle(GetPolicies query, CancellationToken cancellationToken)
    {
        var current = active.Current;
        return ValueTask.FromResult(new PolicySetView(current.Version, current.Set.Hash, PolicySetCompilation.FilesOf(current.Set)));
    }
}
