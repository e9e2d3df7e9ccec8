using Enforcement.Store;

namespace Enforcement.Host.Storage;

/// <summary>Creates the schema if it is missing, before the policy set is read and before the silo starts.</summary>
internal sealed class StoreInitializer(IEnforcementStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
