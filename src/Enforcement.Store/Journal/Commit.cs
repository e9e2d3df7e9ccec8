using System.Collections.Immutable;
using Enforcement.Store.Audit;
using Enforcement.Store.Cases;
using Enforcement.Store.Changes;
using Enforcement.Store.Timers;

namespace Enforcement.Store.Journal;

/// <summary>
/// What one grain call made durable at once: the command it applied (null when it applied none, as when every signal
/// was a duplicate), the receipts of the signals it took, the audit records of its decisions, the enforcement changes
/// it published and where its next timer stands.
/// </summary>
/// <param name="Timer">The subject's next due time after the command, or a timer with a null due time to clear it; null leaves the timer as it is.</param>
/// <param name="Cases">Cases the command's decisions opened (escalations); one already stored under its id is left as it is.</param>
public sealed record Commit(
    JournalEntry? Entry,
    ImmutableArray<SignalReceipt> Receipts,
    ImmutableArray<AuditRecord> Audit,
    ImmutableArray<EnforcementChange> Changes,
    DueTimer? Timer,
    ImmutableArray<StoredCase> Cases = default)
{
    public static Commit Of(JournalEntry entry) => new(entry, [], [], [], null);
}
