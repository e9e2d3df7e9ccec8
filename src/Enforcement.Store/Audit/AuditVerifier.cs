using System.Text.Json;

namespace Enforcement.Store.Audit;

/// <summary>
/// Walks every chain of the log once, in the order the store keeps it, and finds the first record that is not where
/// the chain says it should be: edited, deleted, inserted, moved or cut off. A digest, when given, pins each chain's
/// head as it was then, which is the only way to see a chain cut at its end or rewritten wholesale.
/// </summary>
public static class AuditVerifier
{
    /// <param name="digest">The heads a chain must still reach; null to check only the chains' own links. Its root must match its heads.</param>
    /// <param name="subject">One chain to verify (and only its head in the digest); null for every chain.</param>
    /// <exception cref="ArgumentException">The digest's root does not match its heads: it was edited and pins nothing.</exception>
    public static async Task<AuditVerification> VerifyAsync(IAuditLog log, AuditDigest? digest, string? subject = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (digest is not null && !AuditDigests.IsConsistent(digest))
            throw new ArgumentException($"the digest of {AuditDigests.TimeOf(digest)} was edited: its root does not match its heads", nameof(digest));

        var pins = new PinnedHeads(digest, subject);
        long records = 0, chains = 0;
        string? chain = null;
        long lastSeq = 0;
        var lastHash = AuditChain.Genesis;

        await foreach (var record in log.ReadAllAuditAsync(subject, ct).ConfigureAwait(false))
        {
            if (!string.Equals(record.Subject, chain, StringComparison.Ordinal))
            {
                if (chain is not null)
                {
                    if (pins.End(chain, lastSeq) is { } cut)
                        return Broken(cut);
                    if (string.CompareOrdinal(record.Subject, chain) < 0)
                        return Broken(new AuditBreak(record.Subject, record.Seq, $"out of order: chain {record.Subject} is read after chain {chain}"));
                }
                if (pins.MissingBefore(record.Subject) is { } missing)
                    return Broken(missing);
                chain = record.Subject;
                lastSeq = 0;
                lastHash = AuditChain.Genesis;
                chains++;
            }

            if ((Link(record, lastSeq, lastHash) ?? pins.Check(record)) is { } broken)
                return Broken(broken);
            lastSeq = record.Seq;
            lastHash = record.Hash;
            records++;
        }

        if (chain is not null && pins.End(chain, lastSeq) is { } lastCut)
            return Broken(lastCut);
        if (pins.MissingBefore(null) is { } lastMissing)
            return Broken(lastMissing);
        return new AuditVerification(true, records, null) { Chains = chains };

        AuditVerification Broken(AuditBreak at) => new(false, records, at) { Chains = chains };
    }

    /// <summary>The first thing wrong with one record, given the seq and hash of the record read before it in its chain.</summary>
    private static AuditBreak? Link(AuditRecord record, long lastSeq, string lastHash)
    {
        var expected = lastSeq + 1;
        if (record.Seq > expected)
        {
            var gap = record.Seq == expected + 1 ? $"seq {expected} is missing" : $"seqs {expected} to {record.Seq - 1} are missing";
            var where = lastSeq == 0 ? $"the chain starts at seq {record.Seq}" : $"the chain goes from seq {lastSeq} to seq {record.Seq}";
            return new AuditBreak(record.Subject, expected, $"{gap}: {where} (deleted)");
        }
        if (record.Seq < expected)
        {
            var reason = record.Seq == lastSeq ? $"seq {record.Seq} appears twice" : $"out of order: seq {record.Seq} comes after seq {lastSeq}";
            return new AuditBreak(record.Subject, record.Seq, reason);
        }
        if (!string.Equals(AuditChain.HashOf(record.Prev, record.Body), record.Hash, StringComparison.Ordinal))
            return new AuditBreak(record.Subject, record.Seq, "record changed: its hash does not match its content");

        AuditEntry entry;
        try
        {
            entry = AuditChain.Deserialize(record.Body);
        }
        catch (JsonException e)
        {
            return new AuditBreak(record.Subject, record.Seq, $"its body does not parse: {e.Message}");
        }
        if (!string.Equals(entry.Subject, record.Subject, StringComparison.Ordinal) || entry.Seq != record.Seq)
            return new AuditBreak(record.Subject, record.Seq, $"its body is the entry of {entry.Subject} seq {entry.Seq}: records were moved or swapped");

        if (lastSeq == 0 && !string.Equals(record.Prev, AuditChain.Genesis, StringComparison.Ordinal))
            return new AuditBreak(record.Subject, record.Seq, "the first record's prev is not Genesis: it was moved here from another place");
        if (lastSeq > 0 && !string.Equals(record.Prev, lastHash, StringComparison.Ordinal))
            return new AuditBreak(record.Subject, record.Seq, $"its prev is not the hash of seq {lastSeq}: seq {lastSeq} was rewritten, or records were inserted, deleted or reordered");
        return null;
    }
}
