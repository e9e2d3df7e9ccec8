using Enforcement.Runtime.PolicySets;

namespace Enforcement.Host.Policies;

public static class PolicyRegistration
{
    /// <summary>
    /// The active policy set and its loader. Register before the silo: hosted services start in order, and grains
    /// need a set from their first call.
    /// </summary>
    public static IServiceCollection AddPolicySetLoader(this IServiceCollection services)
    {
        services.AddSingleton<ActivePolicySet>();
        services.AddHostedService<PolicySetLoader>();
        return services;
    }
}
