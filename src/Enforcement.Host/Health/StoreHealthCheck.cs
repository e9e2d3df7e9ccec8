using Enforcement.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enforcement.Host.Health;

/// <summary>Ready needs the database to answer.</summary>
internal sealed class StoreHealthCheck(IEnforcementStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The store answers.")
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
