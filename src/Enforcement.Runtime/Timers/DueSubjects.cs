using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Entities;
using Enforcement.Runtime.Signals;
using Enforcement.Store;
using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Timers;

/// <summary>
/// Lets time pass for every subject with something due (an action's expiry, decay, a delayed action, members still to
/// be told of an entity's actions): each due subject's grain advances to the time given. Idempotent: advancing twice
/// to the same time does nothing the second time, and a subject whose advance failed stays due for the next run.
/// </summary>
public sealed partial class DueSubjects(IEnforcementStore store, IGrainFactory grains, ILogger<DueSubjects> logger)
{
    public const int BatchSize = 1000;

    /// <summary>Enough for a burst of due subjects, bounded so that one run cannot loop on subjects that stay due.</summary>
    private const int MaxBatches = 20;

    /// <summary>Advances the subjects due by <paramref name="now"/>; answers how many, and hands each result to <paramref name="decided"/>.</summary>
    public async Task<int> AdvanceAsync(DateTimeOffset now, Action<IngestResult>? decided = null, CancellationToken cancellationToken = default)
    {
        var advanced = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var due = await store.ReadDueAsync(now, BatchSize, cancellationToken);
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
                async (timer, _) =>
                {
                    if (await AdvanceAsync(timer.Subject, now) is { } result)
                        decided?.Invoke(result);
                });
            advanced += due.Length;
            if (due.Length < BatchSize)
                break;
        }
        return advanced;
    }

    /// <summary>One subject failing does not hold up the others; it stays due and the next run tries again.</summary>
    private async Task<IngestResult?> AdvanceAsync(string subject, DateTimeOffset now)
    {
        try
        {
            return subject.StartsWith(SubjectKeys.AccountPrefix, StringComparison.Ordinal)
                ? await grains.GetGrain<IAccountGrain>(subject[SubjectKeys.AccountPrefix.Length..]).Advance(now)
                : await grains.GetGrain<IEntityGrain>(subject).Advance(now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAdvanceFailed(logger, e, subject);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Subject} could not advance; it stays due")]
    private static partial void LogAdvanceFailed(ILogger logger, Exception exception, string subject);
}
