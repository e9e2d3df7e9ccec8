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
public sealed partial class DueTimersJob(IEnforcementStore store, IGrainFactory grains, TimeProvider time, ILogger<DueTimersJob> logger) : IJob
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
                async (account, _) => await grains.GetGrain<IAccountGrain>(account).Advance(now));
            advanced += accounts.Count;
            if (due.Length < BatchSize)
                break;
        }
        if (advanced > 0)
            LogAdvanced(logger, advanced, now);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Advanced {Accounts} account(s) to {Now}")]
    private static partial void LogAdvanced(ILogger logger, int accounts, DateTimeOffset now);
}
