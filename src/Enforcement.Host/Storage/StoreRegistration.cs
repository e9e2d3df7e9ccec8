using System.Diagnostics.Metrics;
using Enforcement.Host.Configuration;
using Enforcement.Store;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Storage;

public static class StoreRegistration
{
    /// <summary>
    /// The embedded store: one SQLite file, <c>&lt;DataDir&gt;/enforcement.db</c>, its schema created before anything
    /// else starts. The container owns it and disposes it last.
    /// </summary>
    public static IServiceCollection AddEnforcementStore(this IServiceCollection services)
    {
        services.AddSingleton<IEnforcementStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EnforcementOptions>>().Value;
            Directory.CreateDirectory(options.DataPath);
            // Opened once, while the host starts, on a thread with no synchronization context.
            return EmbeddedStore.OpenAsync(options.DatabasePath, options.Synchronous, provider.GetService<IMeterFactory>()).AsTask().GetAwaiter().GetResult();
        });
        services.AddHostedService<StoreInitializer>();
        return services;
    }
}
