using Enforcement.Host.Metrics;
using Enforcement.Runtime.Accounts;
using Enforcement.Store;
using Quartz;

namespace Enforcement.Host.Jobs;

/// <summary>
/// Lets time pass for every subject with something due (an action's expiry, decay, a delayed action): each due
/// account's grain advances to now. Idempotent: advancing twice to the same time does nothing the second time, and a
/// subject whose advance failed stays due for the next run.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DueTimersJob(
    IEnforcementStore store,
    IGrainFactory grains,
    EnforcementMetrics metrics,
    TimeProvider time,
    ILogger<DueTimersJob> logger) : IJob
{
    public const int BatchSize = 1000;

    /// <summary>Enough for a burst of due subjects, bounded so that one run cannot loop on subjects that stay due.</summary>
    private const int MaxBatches = 20;

    private const string AccountPrefix = "account:";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var advanced = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var due = await store.ReadDueAsync(now, BatchSize, cancellationToken);
            var accounts = due
                .Where(d => d.Subject.StartsWith(AccountPrefix, StringComparison.Ordinal))
                .Select(d => d.Subject[AccountPrefix.Length..])
                .ToList();
            await Parallel.ForEachAsync(
                accounts,
                new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
                async (account, _) => await AdvanceAsync(account, now));
            advanced += accounts.Count;
            if (due.Length < BatchSize)
                break;
        }
        if (advanced > 0)
            LogAdvanced(logger, advanced, now);
    }

    /// <summary>One account failing does not hold up the others; it stays due and the next run tries again.</summary>
    private async Task AdvanceAsync(string account, DateTimeOffset now)
    {
        try
        {
            var result = await grains.GetGrain<IAccountGrain>(account).Advance(now);
            metrics.Decided(result.Decisions);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAdvanceFailed(logger, e, account);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Advanced {Accounts} account(s) to {Now}")]
    private static partial void LogAdvanced(ILogger logger, int accounts, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Account} could not advance; it stays due")]
    private static partial void LogAdvanceFailed(ILogger logger, Exception exception, string account);
}
