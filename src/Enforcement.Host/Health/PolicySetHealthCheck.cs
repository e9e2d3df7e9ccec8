using Enforcement.Runtime.PolicySets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enforcement.Host.Health;

/// <summary>Ready needs a policy set to evaluate with.</summary>
internal sealed class PolicySetHealthCheck(ActivePolicySet active) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(active.IsLoaded
            ? HealthCheckResult.Healthy($"Policy set version {active.Current.Version} is active.")
            : HealthCheckResult.Unhealthy("No policy set is active yet."));
}
