using System.Diagnostics.Metrics;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Entities;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Timers;
using Enforcement.Runtime.Persistence;
using Enforcement.Runtime.PolicySets;
using Enforcement.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;

namespace Enforcement.Runtime.Hosting;

/// <summary>Wires the enforcement grains into a silo.</summary>
public static class RuntimeSiloBuilderExtensions
{
    /// <summary>
    /// Registers the grain storage on the project's own store and what the grains share. The silo's services must
    /// also hold an <see cref="IEnforcementStore"/>, and the host loads the <see cref="ActivePolicySet"/> before
    /// the silo takes calls. Idempotent.
    /// </summary>
    public static ISiloBuilder AddEnforcementRuntime(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(RuntimeMarker)))
            return builder;
        services.AddSingleton<RuntimeMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivePolicySet>();
        services.TryAddSingleton<SiloEnforcementStates>();
        services.TryAddSingleton(sp => new FeedInstruments(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<EntityFeed>();
        services.TryAddSingleton<Spreading>();
        services.TryAddSingleton<DueSubjects>();
        services.TryAddSingleton(CaseQueues.None);
        services.TryAddSingleton(sp => new PolicySetCache(sp.GetRequiredService<ActivePolicySet>(), sp.GetRequiredService<IEnforcementStore>()));
        services.AddGrainStorage(StoreGrainStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<StoreGrainStorage>(sp));
        return builder;
    }

    private sealed class RuntimeMarker;
}
