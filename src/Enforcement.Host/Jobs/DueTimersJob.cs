using Enforcement.Host.Metrics;
using Enforcement.Runtime.Timers;
using Quartz;

namespace Enforcement.Host.Jobs;

/// <summary>Lets time pass for every subject with something due; see <see cref="DueSubjects"/>.</summary>
[DisallowConcurrentExecution]
public sealed partial class DueTimersJob(
    DueSubjects due,
    EnforcementMetrics metrics,
    TimeProvider time,
    ILogger<DueTimersJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var advanced = await due.AdvanceAsync(now, result => metrics.Decided(result.Decisions), cancellationToken);
        if (advanced > 0)
            LogAdvanced(logger, advanced, now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Advanced {Subjects} subject(s) to {Now}")]
    private static partial void LogAdvanced(ILogger logger, int subjects, DateTimeOffset now);
}
