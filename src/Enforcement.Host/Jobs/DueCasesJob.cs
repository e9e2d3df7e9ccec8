using Enforcement.Runtime.Cases;
using Enforcement.Store;
using Quartz;

namespace Enforcement.Host.Jobs;

/// <summary>
/// Cases with something due: raised past their deadline (overdue, priority one step up), or an outcome that did not
/// yet reach its subject because the process stopped between the two.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DueCasesJob(IEnforcementStore store, IGrainFactory grains, TimeProvider time, ILogger<DueCasesJob> logger) : IJob
{
    private const int Page = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await store.ReadDueCasesAsync(now, Page, cancellationToken);
        foreach (var id in due)
            await grains.GetGrain<ICaseGrain>(id).Sweep(now);
        if (!due.IsEmpty)
            LogSwept(logger, due.Length, now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Swept {Cases} due case(s) at {Now}")]
    private static partial void LogSwept(ILogger logger, int cases, DateTimeOffset now);
}
