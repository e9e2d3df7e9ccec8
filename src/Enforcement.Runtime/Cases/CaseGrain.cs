using System.Collections.Immutable;
using Enforcement.Runtime.Accounts;
using Enforcement.Store;
using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Cases;

/// <summary>
/// One case. A decision is made durable on the case first (status and outcome, not yet applied), then applied to the
/// subject, then marked applied: a crash between the two leaves the case due, and the scheduler's sweep applies it
/// (the subject applies a case once, however often it is sent).
/// </summary>
public sealed partial class CaseGrain(
    IEnforcementStore store,
    CaseQueues queues,
    TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    private const int Attempts = 3;

    private string Id => this.GetPrimaryKeyString();

    public Task<CaseChange> Claim(string reviewer) =>
        ChangeAsync(current => CaseReview.Claim(current, reviewer, time.GetUtcNow()));

    public async Task<CaseChange> Decide(string reviewer, string outcome, string note)
    {
        var change = await ChangeAsync(current => CaseReview.Decide(current, reviewer, outcome, note, queues.FourEyes(current.Queue), time.GetUtcNow()));
        return change.Case is { IsDecided: true, Applied: false } decided ? new CaseChange(await ApplyAsync(decided), null) : change;
    }

    public async Task Sweep(DateTimeOffset now)
    {
        var current = await ReadAsync();
        if (current is { IsDecided: true, Applied: false })
            await ApplyAsync(current);
        else if (current is not null && CaseReview.Raise(current, now) is not null)
            await ChangeAsync(latest => new CaseChange(CaseReview.Raise(latest, now) ?? latest, null));
    }

    /// <summary>Carries the outcome to the subject, then records that it did.</summary>
    private async Task<Case> ApplyAsync(Case decided)
    {
        var outcome = decided.Outcome ?? throw new InvalidOperationException($"Case {decided.Id} has no outcome to apply.");
        var contested = decided.Decisions.Select(d => d.Decision).ToImmutableArray();
        if (decided.Account is { } account)
            await GrainFactory.GetGrain<IAccountGrain>(account).Review(decided.Id, outcome, contested);
        else
            LogEntityOutcome(logger, decided.Id, decided.Subject);
        var applied = await ChangeAsync(current => new CaseChange(current.Applied ? current : CaseReview.Applied(current, time.GetUtcNow()), null));
        return applied.Case ?? decided;
    }

    private async Task<Case?> ReadAsync() =>
        await store.ReadCaseAsync(Id) is { } stored ? CaseDocument.FromStored(stored) : null;

    /// <summary>Reads the case, changes it, and replaces it if nobody did first; tries again on a conflict (another silo's grain during a move).</summary>
    private async Task<CaseChange> ChangeAsync(Func<Case, CaseChange> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync() ?? throw new KeyNotFoundException($"No case {Id}.");
            var result = change(current);
            if (result.Case is not { } next || next.Version == current.Version)
                return result;
            if (await store.ReplaceCaseAsync(CaseDocument.ToStored(next), current.Version))
                return result;
            if (attempt == Attempts)
                throw new InvalidOperationException($"Case {Id} changed under every one of {Attempts} attempts.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Case} about {Subject} was decided; an entity's outcome is recorded on the case only")]
    private static partial void LogEntityOutcome(ILogger logger, string @case, string subject);
}
