using System.Collections.Immutable;
using Enforcement.Store.Audit;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// What applying one command to an entity's ledger produced: the journal entry, the audit records of its decisions,
/// where its timer moved, and whether the actions its members inherit changed.
/// </summary>
public sealed record EntityStep(
    JournalEntry Entry,
    ImmutableArray<AuditEntry> Decisions,
    ImmutableArray<AuditRecord> Records,
    DueTimer? Timer,
    bool ActionsChanged)
{
    public Commit ToCommit() => new(Entry, [], Records, [], Timer);
}
