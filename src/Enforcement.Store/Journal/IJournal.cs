namespace Enforcement.Store.Journal;

/// <summary>
/// The journal of commands each subject's grain applied, and the commit that makes one command durable together with
/// everything it caused. Commits from many grains share one flush (group commit); each stays atomic on its own.
/// </summary>
public interface IJournal
{
    /// <summary>
    /// Makes <paramref name="commit"/> durable as one unit: its journal entry, signal receipts, audit records, changes
    /// and timer, or none of them. Completes only after the data is on disk. A commit that conflicts (a signal id
    /// already received, a journal or audit sequence already taken, a journal sequence that is not the next of its
    /// subject's) changes nothing and says which in the result; it does not fail the other commits flushed with it.
    /// </summary>
    Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken = default);

    /// <summary>The receipts of those of <paramref name="ids"/> already received, by id; ids never received are absent.</summary>
    Task<IReadOnlyDictionary<string, SignalReceipt>> FindReceiptsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>A subject's journal entries with a sequence greater than <paramref name="afterSeq"/>, in order.</summary>
    IAsyncEnumerable<JournalEntry> ReadJournalAsync(string subject, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>One journal entry, or null if the subject has none with that sequence.</summary>
    Task<JournalEntry?> ReadJournalEntryAsync(string subject, long seq, CancellationToken cancellationToken = default);
}
