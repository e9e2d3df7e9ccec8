using System.Collections.Immutable;
using Enforcement.Store;
using Enforcement.Store.Cases;
using Mediator;

namespace Enforcement.Host.Cases;

/// <summary><c>GET /v1/policies/quality</c>: how each policy's decisions fared with reviewers. A policy reviewers keep overturning is a bad policy.</summary>
public sealed record GetPolicyQuality : IQuery<PolicyQuality>;

public sealed record PolicyQuality(ImmutableArray<PolicyCaseCounts> Policies);

public sealed class GetPolicyQualityHandler(IEnforcementStore store) : IQueryHandler<GetPolicyQuality, PolicyQuality>
{
    public async ValueTask<PolicyQuality> Handle(GetPolicyQuality query, CancellationToken cancellationToken) =>
        new(await store.CountCasesByPolicyAsync(cancellationToken));
}
