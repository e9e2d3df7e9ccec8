using Enforcement.Host.Configuration;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Hosting;

namespace Enforcement.Host.Silo;

public static class SiloRegistration
{
    /// <summary>
    /// The Orleans silo in this process: embedded, one silo clustered on localhost. Register it after the store and the
    /// policy set loader, whose hosted services must have started before the silo takes a call.
    /// </summary>
    public static IHostApplicationBuilder AddEnforcementSilo(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.ReadEnforcementOptions();
        builder.Services.AddSingleton(new CaseQueues(options.Queues.Select(q => new QueueRules(q.Key, q.Value.FourEyes, q.Value.Deadline))));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddEnforcementRuntime();
        });
        return builder;
    }
}
