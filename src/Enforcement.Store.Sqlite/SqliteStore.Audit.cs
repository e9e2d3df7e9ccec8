using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Store.Audit;
using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    private const string AuditColumns = "subject, seq, body, prev, hash";

    public Task<AuditRecord?> ReadAuditTailAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return readers.FirstOrDefaultAsync(
            $"SELECT {AuditColumns} FROM audit WHERE subject = $subject ORDER BY seq DESC LIMIT 1",
            p => p.Add("$subject", SqliteType.Text).Value = subject,
            ReadAuditRecord,
            cancellationToken);
    }

    public Task<ImmutableArray<AuditRecord>> ReadAuditAsync(string subject, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return readers.ListAsync(
            $"SELECT {AuditColumns} FROM audit WHERE subject = $subject AND seq > $after ORDER BY seq LIMIT $limit",
            p =>
            {
                p.Add("$subject", SqliteType.Text).Value = subject;
                p.Add("$after", SqliteType.Integer).Value = afterSeq;
                p.Add("$limit", SqliteType.Integer).Value = limit;
            },
            ReadAuditRecord,
            cancellationToken);
    }

    /// <summary>The rows as stored, in primary key order: nothing skipped, repaired or re-sequenced.</summary>
    public IAsyncEnumerable<AuditRecord> ReadAllAuditAsync(string? subject = null, CancellationToken cancellationToken = default) =>
        subject is null
            ? readers.StreamAsync($"SELECT {AuditColumns} FROM audit ORDER BY subject, seq", _ => { }, ReadAuditRecord, cancellationToken)
            : readers.StreamAsync(
                $"SELECT {AuditColumns} FROM audit WHERE subject = $subject ORDER BY seq",
                p => p.Add("$subject", SqliteType.Text).Value = subject,
                ReadAuditRecord,
                cancellationToken);

    /// <summary>
    /// One pass over the primary key in order. With max(), SQLite takes the other bare columns (the hash) from the row
    /// that holds the maximum.
    /// </summary>
    public IAsyncEnumerable<ChainHead> ReadChainHeadsAsync(CancellationToken cancellationToken = default) =>
        readers.StreamAsync(
            "SELECT subject, max(seq), hash FROM audit GROUP BY subject ORDER BY subject",
            _ => { },
            row => new ChainHead(row.GetString(0), row.GetInt64(1), row.GetString(2)),
            cancellationToken);

    public Task<AuditDigest> SaveDigestAsync(AuditDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var body = JsonSerializer.Serialize(DigestDocument.Of(digest), StoredJson.Options);
        return writer.Enqueue(new PendingWrite<AuditDigest>(
            commands =>
            {
                using var command = commands.CreateCommand("INSERT INTO digests(at, body) VALUES ($at, $body) RETURNING id");
                command.Parameters.Add("$at", SqliteType.Text).Value = StoredTime.ToText(digest.At);
                command.Parameters.Add("$body", SqliteType.Text).Value = body;
                return digest with { Id = (long)command.ExecuteScalar()! };
            },
            cancellationToken));
    }

    public Task<AuditDigest?> ReadLatestDigestAsync(CancellationToken cancellationToken = default) =>
        readers.FirstOrDefaultAsync(
            "SELECT id, body FROM digests ORDER BY id DESC LIMIT 1",
            _ => { },
            row => JsonSerializer.Deserialize<DigestDocument>(row.GetString(1), StoredJson.Options)!.ToDigest(row.GetInt64(0)),
            cancellationToken);

    private static AuditRecord ReadAuditRecord(SqliteDataReader row) =>
        new(row.GetString(0), row.GetInt64(1), row.GetString(2), row.GetString(3), row.GetString(4));
}
