using Orleans.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enforcement.Host.Health;

/// <summary>
/// Ready needs the silo to answer a grain call. The management grain is asked, not an account grain, so that a probe
/// activates no subject and writes nothing.
/// </summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Patience, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No silo is active.");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer.", e);
        }
    }
}
