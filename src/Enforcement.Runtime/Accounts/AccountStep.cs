using System.Collections.Immutable;
using Enforcement.Runtime.Cases;
using Enforcement.Store.Audit;
using Enforcement.Store.Changes;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// What applying one command to an account's ledger produced: the journal entry, the audit records of its decisions,
/// the change of enforcement state if there was one, and where the account's timer moved.
/// </summary>
public sealed record AccountStep(
    JournalEntry Entry,
    ImmutableArray<AuditEntry> Decisions,
    ImmutableArray<AuditRecord> Records,
    EnforcementChange? Change,
    DueTimer? Timer)
{
    /// <summary>The decisions of the step that escalated: each opens a case in the commit that makes it durable.</summary>
    public ImmutableArray<Escalation> Escalations { get; init; } = [];

    /// <summary>The commit that makes the step durable, with the receipts of the signals it took and the cases its escalations open.</summary>
    public Commit ToCommit(ImmutableArray<SignalReceipt> receipts, CaseQueues queues) =>
        new(Entry, receipts, Records, Change is null ? [] : [Change], Timer,
            Escalations.IsEmpty ? [] : [.. Escalations.Select(e => CaseDocument.ToStored(CaseOpening.Of(e, queues)))]);
}
