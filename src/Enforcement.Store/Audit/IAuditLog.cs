using System.Collections.Immutable;

namespace Enforcement.Store.Audit;

/// <summary>Reads the audit log; records are appended only through <see cref="Journal.IJournal.CommitAsync"/>, with the command that caused them.</summary>
public interface IAuditLog
{
    /// <summary>The last record of a subject's chain, or null for a subject with none.</summary>
    Task<AuditRecord?> ReadAuditTailAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>A subject's records with a sequence greater than <paramref name="afterSeq"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<ImmutableArray<AuditRecord>> ReadAuditAsync(string subject, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every record of every chain, ordered by subject (ordinal) then sequence exactly as stored, so that a verifier sees gaps and reorderings.</summary>
    IAsyncEnumerable<AuditRecord> ReadAllAuditAsync(string? subject = null, CancellationToken cancellationToken = default);

    /// <summary>The last record of every chain, ordered by subject (ordinal): what a digest is made of.</summary>
    IAsyncEnumerable<ChainHead> ReadChainHeadsAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps a digest in the database (operators also keep it apart from it); returns it with its id.</summary>
    Task<AuditDigest> SaveDigestAsync(AuditDigest digest, CancellationToken cancellationToken = default);

    /// <summary>The digest saved last, or null when none was.</summary>
    Task<AuditDigest?> ReadLatestDigestAsync(CancellationToken cancellationToken = default);
}
