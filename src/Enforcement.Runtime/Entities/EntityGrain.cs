using System.Collections.Immutable;
using Enforcement.Policy.Persistence;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Audit;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Persistence;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Signals;
using Enforcement.Store;
using Enforcement.Store.Audit;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;
using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// One entity or cluster. Like an account, not reentrant, and each command is durable before its call returns; unlike
/// an account, its journal holds references to its members' journal entries, which replay reads back. When the actions
/// it holds change, its members are told off the grain's turn (<see cref="Spreading"/>), and every member that sends it
/// signals learns them in the answer, so a fresh account joining a suspended ring is suspended from its first signal.
/// </summary>
public sealed partial class EntityGrain(
    [PersistentState("entity", StoreGrainStorage.Name)] IPersistentState<EntityCheckpoint> checkpoint,
    IEnforcementStore store,
    ActivePolicySet activePolicies,
    PolicySetCache policySets,
    Spreading spreading,
    CaseQueues queues,
    TimeProvider time,
    ILogger<EntityGrain> logger) : Grain, IEntityGrain
{
    private const int Attempts = 3;
    private const int CheckpointEvery = 64;

    private EntityLedger ledger = null!;
    private long checkpointedSeq;
    private long spreadVersion;
    private long spreadingVersion;
    private bool diverged;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => RestoreAsync(cancellationToken);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!diverged && ledger.JournalSeq > checkpointedSeq)
            await CheckpointAsync();
    }

    public async Task<InheritedActions> Absorb(ImmutableArray<MemberSignals> batch)
    {
        await FollowPolicySetAsync();
        for (var attempt = 1; ; attempt++)
        {
            var step = Apply(new AbsorbSignals(ledger.Policies.Version, batch));
            if (step is null)
                return ledger.Actions;
            if (await CommitAsync(step))
                return ledger.Actions;
            if (attempt == Attempts)
                throw new InvalidOperationException($"{Key}: the store refused its commit {Attempts} times.");
            // Another activation wrote first: rebuild from what is durable; members' entries it took are skipped.
            await RestoreAsync(default);
        }
    }

    public async Task<IngestResult> Advance(DateTimeOffset now)
    {
        await FollowPolicySetAsync();
        var decisions = ImmutableArray<DecisionView>.Empty;
        if (ledger.Subject.NextDue is { } due && due <= now)
        {
            for (var attempt = 1; ; attempt++)
            {
                var step = Apply(new AdvanceEntity(ledger.Policies.Version, now))!;
                if (await CommitAsync(step))
                {
                    decisions = [.. step.Decisions.Select(DecisionRecords.ViewOf)];
                    break;
                }
                if (attempt == Attempts)
                    throw new InvalidOperationException($"{Key}: the store refused its commit {Attempts} times.");
                await RestoreAsync(default);
            }
        }
        else
        {
            SpreadIfBehind();
        }
        return new IngestResult(0, 0, [], decisions);
    }

    public async Task Spread(long version)
    {
        spreadingVersion = 0;
        if (version <= spreadVersion)
            return;
        spreadVersion = version;
        if (version < ledger.Actions.Version)
        {
            SpreadIfBehind();
            return;
        }
        // Every member knows: the timer goes back to the ladders' own next due time.
        if (ledger.TimerChange(null) is { } timer)
            await store.CommitAsync(new Commit(null, [], [], [], timer));
        await CheckpointAsync();
    }

    public Task<SubjectView> GetView()
    {
        var subject = ledger.Subject;
        return Task.FromResult(new SubjectView(
            Key,
            Policy.Definitions.Scopes.Name(ledger.Scope),
            ledger.Members.Count,
            ledger.RecentMembers(100),
            ledger.SignalCount,
            AccountViews.RungsOf(subject, time.GetUtcNow()),
            [.. subject.Program.Policies.Select(p => new ConditionView(p.Id, subject.Explain(p).ToString()))],
            ledger.Actions,
            ledger.Tail?.Seq ?? 0,
            ledger.Policies.Version));
    }

    /// <summary>Applies a command in memory; should that fail half-way, the activation is given up without a checkpoint.</summary>
    private EntityStep? Apply(EntityCommand command)
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

    /// <summary>Commits a step; true when durable. A failure that leaves durability unknown deactivates the grain without a checkpoint.</summary>
    private async Task<bool> CommitAsync(EntityStep step)
    {
        CommitResult outcome;
        try
        {
            outcome = await store.CommitAsync(step.ToCommit(queues));
        }
        catch
        {
            diverged = true;
            DeactivateOnIdle();
            throw;
        }
        if (!outcome.Durable)
        {
            LogRefused(logger, Key, outcome.SequenceTaken);
            return false;
        }
        if (step.ActionsChanged)
            SpreadIfBehind();
        if (ledger.JournalSeq - checkpointedSeq >= CheckpointEvery)
            await CheckpointAsync();
        return true;
    }

    /// <summary>Starts telling members of the current actions unless they know them or are being told.</summary>
    private void SpreadIfBehind()
    {
        var actions = ledger.Actions;
        if (actions.Version <= spreadVersion || actions.Version <= spreadingVersion)
            return;
        spreadingVersion = actions.Version;
        spreading.Start(actions, [.. ledger.Members.Keys]);
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await checkpoint.ReadStateAsync(cancellationToken);
        var saved = checkpoint.State;
        ledger = await FromCheckpointAsync(saved, cancellationToken);
        checkpointedSeq = ledger.JournalSeq;
        spreadVersion = saved.SpreadVersion;
        await foreach (var entry in store.ReadJournalAsync(Key, ledger.JournalSeq, cancellationToken))
        {
            var command = await ResolveAsync(EntityCodec.Decode(entry), cancellationToken);
            if (command.PolicySetVersion != ledger.Policies.Version)
                await MoveToAsync(await policySets.GetAsync(command.PolicySetVersion, cancellationToken), cancellationToken);
            ledger.Apply(command);
            if (ledger.JournalSeq != entry.Seq)
                throw new InvalidDataException($"Journal of {Key} skips from {ledger.JournalSeq - 1} to {entry.Seq}.");
        }
        var tail = await store.ReadAuditTailAsync(Key, cancellationToken);
        if (tail?.Hash != ledger.Tail?.Hash)
        {
            LogReplayDiverged(logger, Key, tail?.Seq ?? 0, ledger.Tail?.Seq ?? 0);
            ledger.Tail = tail;
        }
    }

    private async Task<EntityLedger> FromCheckpointAsync(EntityCheckpoint saved, CancellationToken cancellationToken)
    {
        if (saved.Subject is null)
            return new EntityLedger(Key, activePolicies.Current);
        var policies = await policySets.GetAsync(saved.PolicySetVersion, cancellationToken);
        var restored = new EntityLedger(Key, policies);
        var subject = SubjectCodec.Read(saved.Subject, Key, policies.Set.For(restored.Scope), out var restore);
        if (!restore.WindowsRestored)
            throw new InvalidDataException($"The checkpoint of {Key} was written for another window layout than policy set version {saved.PolicySetVersion} has.");
        restored.MoveTo(policies, subject);
        restored.JournalSeq = saved.JournalSeq;
        restored.EventTime = saved.EventTime;
        restored.Due = saved.Due;
        restored.SignalCount = saved.SignalCount;
        restored.Tail = saved.AuditHash is null ? null : new AuditRecord(Key, saved.AuditSeq, "", "", saved.AuditHash);
        if (saved.Actions is { } actions)
        {
            using var reader = new BinaryReader(new MemoryStream(actions, writable: false));
            restored.Actions = CommandCodec.ReadInherited(reader);
        }
        for (var i = 0; i < saved.MemberAccounts.Count; i++)
            restored.Remember(saved.MemberAccounts[i], new EntityMember(saved.MemberSeqs[i], saved.MemberSeen[i]));
        return restored;
    }

    /// <summary>Reads back from the members' journals the signals an entry refers to.</summary>
    private async Task<EntityCommand> ResolveAsync(EntityCommand command, CancellationToken cancellationToken)
    {
        if (command is not AbsorbSignals absorb)
            return command;
        var members = ImmutableArray.CreateBuilder<MemberSignals>(absorb.Members.Length);
        foreach (var member in absorb.Members)
            members.Add(member with { Signals = await SignalsOfAsync(member.Account, member.Seq, cancellationToken) });
        return absorb with { Members = members.MoveToImmutable() };
    }

    private async Task<ImmutableArray<SignalInput>> SignalsOfAsync(string account, long seq, CancellationToken cancellationToken)
    {
        var entry = await store.ReadJournalEntryAsync(SubjectKeys.Account(account), seq, cancellationToken)
            ?? throw new InvalidDataException($"{Key} took {account}'s journal entry {seq}, which the store does not have.");
        if (CommandCodec.Decode(entry) is not ObserveSignals observe)
            throw new InvalidDataException($"{Key} took {account}'s journal entry {seq}, which holds no signals.");
        return [.. observe.Signals.Where(s => Linkage.Concerns(s, ledger.Scope, KeyValue))];
    }

    private string KeyValue => SubjectKeys.TryParse(Key, out _, out var value) ? value : "";

    private async Task FollowPolicySetAsync()
    {
        var active = activePolicies.Current;
        if (active.Version <= ledger.Policies.Version)
            return;
        if (ledger.JournalSeq > checkpointedSeq)
            await CheckpointAsync();
        await MoveToAsync(active, default);
        await CheckpointAsync();
    }

    private async Task MoveToAsync(PolicySetVersion policies, CancellationToken cancellationToken)
    {
        var moved = AccountRestore.Carry(ledger.Subject, policies, ledger.Scope, out var windowsKept);
        if (!windowsKept)
        {
            await foreach (var entry in store.ReadJournalAsync(Key, 0, cancellationToken))
            {
                if (entry.Seq > ledger.JournalSeq)
                    break;
                if (await ResolveAsync(EntityCodec.Decode(entry), cancellationToken) is AbsorbSignals absorb)
                {
                    foreach (var member in absorb.Members)
                        AccountRestore.Recount(moved, policies.Set.Catalog, member.Account, member.Created, member.Signals);
                }
            }
        }
        ledger.MoveTo(policies, moved);
    }

    private async Task CheckpointAsync()
    {
        var members = ledger.Members;
        using var actions = new MemoryStream();
        using (var writer = new BinaryWriter(actions, System.Text.Encoding.UTF8, leaveOpen: true))
            CommandCodec.WriteInherited(writer, ledger.Actions);
        checkpoint.State = new EntityCheckpoint
        {
            Subject = SubjectCodec.Write(ledger.Subject),
            JournalSeq = ledger.JournalSeq,
            PolicySetVersion = ledger.Policies.Version,
            EventTime = ledger.EventTime,
            Due = ledger.Due,
            SignalCount = ledger.SignalCount,
            AuditSeq = ledger.Tail?.Seq ?? 0,
            AuditHash = ledger.Tail?.Hash,
            Actions = actions.ToArray(),
            MemberAccounts = [.. members.Keys],
            MemberSeqs = [.. members.Values.Select(m => m.LastSeq)],
            MemberSeen = [.. members.Values.Select(m => m.LastSeen)],
            SpreadVersion = spreadVersion,
        };
        await checkpoint.WriteStateAsync();
        checkpointedSeq = ledger.JournalSeq;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Subject}: the store refused a commit (sequence taken: {SequenceTaken}); rebuilding from the store")]
    private static partial void LogRefused(ILogger logger, string subject, bool sequenceTaken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Subject}: replay ends its audit chain at {Replayed} but the store holds {Stored}; continuing from the store's")]
    private static partial void LogReplayDiverged(ILogger logger, string subject, long stored, long replayed);
}
