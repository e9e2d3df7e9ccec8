using System.Text.Json;
using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Queues the commit for the next flush. Cancelling before the writer reaches it writes nothing; once the writer
    /// has applied it, the commit completes as the flush does.
    /// </summary>
    public Task<CommitResult> CommitAsync(Commit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<CommitResult>(cancellationToken);
        }

        return writer.Enqueue(new PendingCommit(commit, cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, SignalReceipt>> FindReceiptsAsync(
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, SignalReceipt>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        // One parameter however many ids: SQLite walks the JSON array and seeks each id in the primary key.
        var json = JsonSerializer.Serialize(ids, StoredJson.Options);
        var receipts = readers.StreamAsync(
            "SELECT id, account, hash, at FROM receipts WHERE id IN (SELECT value FROM json_each($ids))",
            p => p.Add("$ids", SqliteType.Text).Value = json,
            row => new SignalReceipt(row.GetString(0), row.GetString(1), row.GetFieldValue<byte[]>(2), row.GetInt64(3)),
            cancellationToken);
        await foreach (var receipt in receipts.ConfigureAwait(false))
        {
            found[receipt.Id] = receipt;
        }

        return found;
    }

    public IAsyncEnumerable<JournalEntry> ReadJournalAsync(string subject, long afterSeq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return readers.StreamAsync(
            "SELECT seq, kind, payload FROM journal WHERE subject = $subject AND seq > $after ORDER BY seq",
            p =>
            {
                p.Add("$subject", SqliteType.Text).Value = subject;
                p.Add("$after", SqliteType.Integer).Value = afterSeq;
            },
            row => new JournalEntry(subject, row.GetInt64(0), (JournalKind)row.GetInt64(1), row.GetFieldValue<byte[]>(2)),
            cancellationToken);
    }

    public async Task<JournalEntry?> ReadJournalEntryAsync(string subject, long seq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = readers.StreamAsync(
            "SELECT kind, payload FROM journal WHERE subject = $subject AND seq = $seq",
            p =>
            {
                p.Add("$subject", SqliteType.Text).Value = subject;
                p.Add("$seq", SqliteType.Integer).Value = seq;
            },
            row => new JournalEntry(subject, seq, (JournalKind)row.GetInt64(0), row.GetFieldValue<byte[]>(1)),
            cancellationToken);
        await foreach (var entry in rows.ConfigureAwait(false))
            return entry;
        return null;
    }
}
