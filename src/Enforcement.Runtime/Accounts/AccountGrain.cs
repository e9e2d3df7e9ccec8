using System.Collections.Frozen;
using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Runtime.Audit;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.Entities;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Persistence;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Signals;
using Enforcement.Store;
using Enforcement.Store.Journal;
using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// One account. Not reentrant: commands are applied one at a time, which is what makes a ladder climb one rung per
/// signal and a journal an order. Each command is durable (journal entry, receipts, audit records, change, timer, in
/// one commit) before its call returns; when a commit is refused, the grain drops its memory and rebuilds it from what
/// is durable, then tries again knowing what was refused. Enforcement reads interleave and see the last durable state.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StoreGrainStorage.Name)] IPersistentState<AccountCheckpoint> checkpoint,
    IEnforcementStore store,
    ActivePolicySet activePolicies,
    PolicySetCache policySets,
    SiloEnforcementStates siloStates,
    EntityFeed feed,
    CaseQueues queues,
    TimeProvider time,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private const int Attempts = 3;
    private const int CheckpointEvery = 64;

    private AccountLedger ledger = null!;
    private EnforcementSnapshot? snapshot;
    private long checkpointedSeq;

    /// <summary>Set when an entry's entities could not take it: no checkpoint may pass over it.</summary>
    private bool unforwarded;

    /// <summary>Set when a commit failed outright: memory holds a step the store may not have, so it must not be checkpointed.</summary>
    private bool diverged;

    private string Account => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var replayed = await RestoreAsync(cancellationToken);
        // Entries past the checkpoint mean the last activation ended without one, perhaps before its entities took
        // them: hand them on again (an entity takes each entry once).
        foreach (var observe in replayed)
            await ForwardAsync(observe.Seq, observe.Signals);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (snapshot is not null)
            siloStates.Withdraw(Account, snapshot);
        if (!diverged && !unforwarded && ledger.JournalSeq > checkpointedSeq)
            await CheckpointAsync();
    }

    public Task<EnforcementView> GetEnforcement() => Task.FromResult(Snapshot.At(time.GetUtcNow()));

    public async Task<IngestResult> Ingest(ImmutableArray<SignalInput> signals)
    {
        await FollowPolicySetAsync();
        IReadOnlyDictionary<string, SignalReceipt> known = FrozenDictionary<string, SignalReceipt>.Empty;
        for (var attempt = 1; ; attempt++)
        {
            var batch = SignalBatch.Prepare(Account, signals, ledger.Policies.Set.Catalog, Subject.Account.Created, known);
            if (batch.Accepted.IsEmpty)
                return batch.Result([]);

            var step = Apply(new ObserveSignals(ledger.Policies.Version, batch.Accepted));
            var outcome = await CommitAsync(step.ToCommit(batch.Receipts, queues));
            if (outcome.Durable)
            {
                await CommittedAsync(step);
                ImmutableArray<DecisionView> inherited = [];
                try
                {
                    inherited = await ForwardAsync(step.Entry.Seq, batch.Accepted);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The signals are durable and acknowledged; their entities have yet to take them. The activation
                    // ends without a checkpoint, so that the next one replays this entry and hands it on again.
                    LogForwardFailed(logger, e, Account);
                    unforwarded = true;
                    DeactivateOnIdle();
                }
                return batch.Result([.. step.Decisions.Select(DecisionRecords.ViewOf), .. inherited]);
            }

            LogRefused(logger, Account, outcome.ConflictingReceipts.Length, outcome.SequenceTaken);
            if (attempt == Attempts)
                throw new InvalidOperationException($"Account {Account}: the store refused its commit {Attempts} times.");
            known = await store.FindReceiptsAsync([.. signals.Select(s => s.Id)]);
            await RestoreAsync(default);
        }
    }

    public async Task UpdateProfile(ProfileUpdate update)
    {
        await FollowPolicySetAsync();
        await ApplyAsync(new UpdateProfile(ledger.Policies.Version, update));
    }

    public async Task<IngestResult> ReportChallenge(ChallengeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Passed)
        {
            var failed = new SignalInput(0, ChallengeSignalId(report.Id), Account, ChallengeFailedSignal, 1, null, report.At, null);
            return await Ingest([failed]);
        }

        await FollowPolicySetAsync();
        var id = ChallengeSignalId(report.Id);
        var receipt = new SignalReceipt(id, Account, SignalContent.Hash(new SignalInput(0, id, Account, "challenge_passed", 1, report.Kind, report.At, null)), report.At.UtcTicks);
        for (var attempt = 1; ; attempt++)
        {
            var step = Apply(new PassChallenge(ledger.Policies.Version, report.Id, report.Kind, report.At));
            var outcome = await CommitAsync(step.ToCommit([receipt], queues));
            if (outcome.Durable)
            {
                await CommittedAsync(step);
                return new IngestResult(1, 0, [], [.. step.Decisions.Select(DecisionRecords.ViewOf)]);
            }
            await RestoreAsync(default);
            var existing = await store.FindReceiptsAsync([id]);
            if (existing.TryGetValue(id, out var stored))
            {
                return stored.ContentHash.AsSpan().SequenceEqual(receipt.ContentHash)
                    ? new IngestResult(0, 1, [], [])
                    : new IngestResult(0, 0, [new SignalRejection(0, report.Id, "challenge report id reused with other content")], []);
            }
            if (attempt == Attempts)
                throw new InvalidOperationException($"Account {Account}: the store refused its commit {Attempts} times.");
        }
    }

    public async Task<IngestResult> Advance(DateTimeOffset now)
    {
        await FollowPolicySetAsync();
        // Nothing due: no entry, so that advancing twice to the same time is one effect and a replay sees no extra step.
        if (ledger.NextDue is not { } due || due > now)
            return IngestResult.Empty;
        var decisions = await ApplyAsync(new AdvanceTime(ledger.Policies.Version, now));
        return new IngestResult(0, 0, [], decisions);
    }

    public async Task<IngestResult> Inherit(InheritedActions actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        await FollowPolicySetAsync();
        if (ledger.Inherited.Holds(actions.Subject, actions.Version))
            return IngestResult.Empty;
        var decisions = await ApplyAsync(new InheritActions(ledger.Policies.Version, actions));
        return new IngestResult(0, 0, [], decisions);
    }

    public async Task<IngestResult> Review(string caseId, CaseOutcome outcome, ImmutableArray<string> decisions)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await FollowPolicySetAsync();
        if (ledger.Reviewed.Contains(caseId))
            return IngestResult.Empty;
        var taken = await ApplyAsync(new ApplyOutcome(ledger.Policies.Version, caseId, outcome, decisions));
        return new IngestResult(0, 0, [], taken);
    }

    /// <summary>
    /// Hands a journal entry's signals to the account's entities and clusters and takes on any actions of theirs it does
    /// not hold yet: an account that joins a suspended payment ring is suspended before its first call returns.
    /// </summary>
    private async Task<ImmutableArray<DecisionView>> ForwardAsync(long seq, ImmutableArray<SignalInput> signals)
    {
        var forwarded = await feed.ForwardAsync(Account, seq, Subject.Account.Created, signals, ledger.Policies.Set);
        foreach (var entity in forwarded.Entities)
            ledger.Link(entity);
        var decisions = ImmutableArray<DecisionView>.Empty;
        foreach (var actions in forwarded.Actions)
        {
            if (!ledger.Inherited.Holds(actions.Subject, actions.Version))
                decisions = decisions.AddRange(await ApplyAsync(new InheritActions(ledger.Policies.Version, actions)));
        }
        return decisions;
    }

    public Task<AccountView> GetView()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(new AccountView(
            Account,
            AccountViews.ProfileOf(Subject.Account),
            Snapshot.At(now),
            AccountViews.RungsOf(Subject, now),
            [.. LinkedEntities()],
            ledger.SignalCount,
            ledger.Tail?.Seq ?? 0,
            ledger.Policies.Version));
    }

    private Subject Subject => ledger.Subject;

    /// <summary>The entities and clusters whose actions the account holds or has held: the links a reviewer follows.</summary>
    private IEnumerable<string> LinkedEntities() => ledger.Inherited.All.Select(h => h.Subject).Concat(ledger.Links).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private EnforcementSnapshot Snapshot => snapshot ?? throw new InvalidOperationException("The grain has not restored its state.");

    private static string ChallengeFailedSignal => "challenge_failed";

    private static string ChallengeSignalId(string reportId) => "challenge:" + reportId;

    private async Task<ImmutableArray<DecisionView>> ApplyAsync(AccountCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            var step = Apply(command with { PolicySetVersion = ledger.Policies.Version });
            var outcome = await CommitAsync(step.ToCommit([], queues));
            if (outcome.Durable)
            {
                await CommittedAsync(step);
                return [.. step.Decisions.Select(DecisionRecords.ViewOf)];
            }
            LogRefused(logger, Account, 0, outcome.SequenceTaken);
            if (attempt == Attempts)
                throw new InvalidOperationException($"Account {Account}: the store refused its commit {Attempts} times.");
            await RestoreAsync(default);
        }
    }

    /// <summary>
    /// Applies a command in memory. Should applying fail half-way, memory no longer matches the store: the activation
    /// gives it up without a checkpoint, and the next call rebuilds the account from what is durable.
    /// </summary>
    private AccountStep Apply(AccountCommand command)
    {
        try
        {
            return ledger.Apply(command);
        }
        catch
        {
            diverged = true;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Commits a step already applied in memory. If the store fails outright (not a refusal: an I/O error, a full disk),
    /// whether the step is durable is unknown, so the activation gives up its memory: it deactivates without a
    /// checkpoint and the next call rebuilds the account from what the store holds.
    /// </summary>
    private async Task<CommitResult> CommitAsync(Commit commit)
    {
        try
        {
            return await store.CommitAsync(commit);
        }
        catch
        {
            diverged = true;
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task CommittedAsync(AccountStep step)
    {
        // The actions held change only with decisions: a step without any leaves the published snapshot as it is.
        if (!step.Decisions.IsEmpty || step.Change is not null)
            Publish();
        if (ledger.JournalSeq - checkpointedSeq >= CheckpointEvery)
            await CheckpointAsync();
    }

    private void Publish()
    {
        var next = new EnforcementSnapshot(Account, ledger.Enforcements, ledger.EnforcementVersion);
        if (snapshot is not null)
            siloStates.Withdraw(Account, snapshot);
        snapshot = next;
        siloStates.Publish(Account, next);
    }

    /// <summary>Rebuilds the ledger from the last checkpoint and the journal after it: the grain's memory is derived, the store is the truth.</summary>
    private async Task<List<(long Seq, ImmutableArray<SignalInput> Signals)>> RestoreAsync(CancellationToken cancellationToken)
    {
        var replayed = new List<(long Seq, ImmutableArray<SignalInput> Signals)>();
        await checkpoint.ReadStateAsync(cancellationToken);
        var saved = checkpoint.State;
        ledger = await AccountRestore.FromCheckpointAsync(Account, saved, policySets, activePolicies, cancellationToken);
        checkpointedSeq = ledger.JournalSeq;
        await foreach (var entry in store.ReadJournalAsync(ledger.Key, ledger.JournalSeq, cancellationToken))
        {
            var command = CommandCodec.Decode(entry);
            if (command.PolicySetVersion != ledger.Policies.Version)
                await MoveToAsync(await policySets.GetAsync(command.PolicySetVersion, cancellationToken), cancellationToken);
            ledger.Apply(command);
            if (ledger.JournalSeq != entry.Seq)
                throw new InvalidDataException($"Journal of {ledger.Key} skips from {ledger.JournalSeq - 1} to {entry.Seq}.");
            if (command is ObserveSignals observe)
                replayed.Add((entry.Seq, observe.Signals));
        }

        var tail = await store.ReadAuditTailAsync(ledger.Key, cancellationToken);
        if (tail?.Hash != ledger.Tail?.Hash)
        {
            LogReplayDiverged(logger, ledger.Key, tail?.Seq ?? 0, ledger.Tail?.Seq ?? 0);
            ledger.Tail = tail;
        }
        Publish();
        return replayed;
    }

    /// <summary>Moves onto the active policy set if it changed since the subject was built, checkpointing first so that the journal after the checkpoint is all under one set.</summary>
    private async Task FollowPolicySetAsync()
    {
        var active = activePolicies.Current;
        if (active.Version <= ledger.Policies.Version)
            return;
        if (ledger.JournalSeq > checkpointedSeq)
            await CheckpointAsync();
        await MoveToAsync(active, default);
        await CheckpointAsync();
        Publish();
    }

    private async Task MoveToAsync(PolicySetVersion policies, CancellationToken cancellationToken)
    {
        var moved = AccountRestore.Carry(ledger.Subject, policies, out var windowsKept);
        if (!windowsKept)
        {
            // The windows were laid out for the old set's aggregates: count every journaled signal again under the new layout.
            await foreach (var entry in store.ReadJournalAsync(ledger.Key, 0, cancellationToken))
            {
                if (entry.Seq > ledger.JournalSeq)
                    break;
                if (CommandCodec.Decode(entry) is ObserveSignals observe)
                    AccountRestore.Recount(moved, policies.Set.Catalog, Account, observe.Signals);
            }
        }
        ledger.MoveTo(policies, moved);
    }

    private async Task CheckpointAsync()
    {
        if (unforwarded)
            return;
        checkpoint.State = AccountRestore.ToCheckpoint(ledger);
        await checkpoint.WriteStateAsync();
        checkpointedSeq = ledger.JournalSeq;
    }
}
