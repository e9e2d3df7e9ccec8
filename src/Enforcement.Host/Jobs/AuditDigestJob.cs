using Enforcement.Host.Audit;
using Quartz;

namespace Enforcement.Host.Jobs;

/// <summary>Takes the periodic digest over every chain; idempotent, since an unchanged log yields the digest it already has.</summary>
[DisallowConcurrentExecution]
public sealed class AuditDigestJob(AuditDigestWriter writer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await writer.TakeAsync(cancellationToken);
}
