using System.Collections.Immutable;
using Enforcement.Runtime.Cases;
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
    /// <summary>The decisions of the step that escalated: each opens a case in the commit that makes it durable.</summary>
    public ImmutableArray<Escalation> Escalations { get; init; } = [];

    public Commit ToCommit(CaseQueues queues) => new(Entry, [], Records, [], Timer,
        Escalations.IsEmpty ? [] : [.. Escalations.Select(e => CaseDocument.ToStored(CaseOpening.Of(e, queues)))]);
}
