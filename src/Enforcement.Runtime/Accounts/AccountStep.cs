using System.Collections.Immutable;
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
    /// <summary>The commit that makes the step durable, with the receipts of the signals it took.</summary>
    public Commit ToCommit(ImmutableArray<SignalReceipt> receipts) =>
        new(Entry, receipts, Records, Change is null ? [] : [Change], Timer);
}
