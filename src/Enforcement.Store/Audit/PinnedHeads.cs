namespace Enforcement.Store.Audit;

/// <summary>
/// The chain heads a digest pinned, met in subject order as the verifier walks the log: each chain must still reach its
/// pinned seq with the pinned hash, and every pinned chain must still be there.
/// </summary>
internal sealed class PinnedHeads
{
    private readonly Dictionary<string, ChainHead> heads;
    private readonly Queue<ChainHead> unseen;
    private readonly string at;

    public PinnedHeads(AuditDigest? digest, string? subject)
    {
        var pinned = (digest?.Heads ?? [])
            .Where(head => subject is null || string.Equals(head.Subject, subject, StringComparison.Ordinal))
            .OrderBy(head => head.Subject, StringComparer.Ordinal)
            .ToList();
        heads = pinned.ToDictionary(head => head.Subject, StringComparer.Ordinal);
        unseen = new Queue<ChainHead>(pinned);
        at = digest is null ? "" : AuditDigests.TimeOf(digest);
    }

    /// <summary>A pinned chain that sorts before <paramref name="subject"/> (null: any left) and was never read: it is gone.</summary>
    public AuditBreak? MissingBefore(string? subject)
    {
        while (unseen.TryPeek(out var head) && (subject is null || string.CompareOrdinal(head.Subject, subject) <= 0))
        {
            unseen.Dequeue();
            if (!string.Equals(head.Subject, subject, StringComparison.Ordinal))
                return new AuditBreak(head.Subject, 1, $"chain missing: the digest of {at} has seq {head.Seq}, the log has no record of {head.Subject}");
        }
        return null;
    }

    /// <summary>A record at its chain's pinned seq must be the very record the digest saw.</summary>
    public AuditBreak? Check(AuditRecord record) =>
        heads.TryGetValue(record.Subject, out var head) && head.Seq == record.Seq && !string.Equals(head.Hash, record.Hash, StringComparison.Ordinal)
            ? new AuditBreak(record.Subject, record.Seq, $"record rewritten: the digest of {at} has another hash at seq {head.Seq}")
            : null;

    /// <summary>A chain that ended at <paramref name="lastSeq"/> must reach its pinned seq; records after it are fine.</summary>
    public AuditBreak? End(string subject, long lastSeq) =>
        heads.TryGetValue(subject, out var head) && head.Seq > lastSeq
            ? new AuditBreak(subject, lastSeq + 1, $"chain cut: the digest of {at} has seq {head.Seq}, the chain ends at seq {lastSeq}")
            : null;
}
