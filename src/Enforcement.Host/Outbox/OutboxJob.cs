using Quartz;

namespace Enforcement.Host.Outbox;

/// <summary>Looks for changes not yet delivered every <c>Enforcement:Outbox:Interval</c>; see <see cref="OutboxDelivery"/>.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxDelivery delivery, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // A POST waiting on a slow receiver must not hold the host's shutdown: what it carried goes again after restart.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await delivery.DeliverAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping between reads: nothing was skipped, since the position moves only after a 2xx.
        }
    }
}
