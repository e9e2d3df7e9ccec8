using CsCheck;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

/// <summary>
/// Random logs of up to five chains, a digest taken, then one tamper chosen at random: the verifier must find it, at
/// the subject and seq where it was made (or the next seq, for a record rewritten with its own hash recomputed). An
/// untouched log must verify. <c>CsCheck_Iter=20000</c> runs more cases.
/// </summary>
public sealed class AuditTamperPropertyTests
{
    public enum Tamper
    {
        ChangeBody,
        RewriteWithOwnHash,
        Delete,
        SwapInChain,
        SwapAcrossChains,
    }

    public sealed record TamperCase(int[] Lengths, Tamper Kind, int Target, int Other)
    {
        public override string ToString() => $"chains [{string.Join(", ", Lengths)}], {Kind} {Target}/{Other}";
    }

    private static readonly Gen<TamperCase> GenCase = Gen.Select(
        Gen.Int[1, 6].Array[1, 5],
        Gen.Enum<Tamper>(),
        Gen.Int[0, 1_000],
        Gen.Int[0, 1_000],
        (lengths, kind, target, other) => new TamperCase(lengths, kind, target, other));

    [Fact]
    public void Any_single_edit_deletion_or_swap_is_found_where_it_was_made() =>
        GenCase.Sample(Verify, iter: Iterations(500), print: c => c.ToString());

    [Fact]
    public void An_untouched_log_always_verifies() =>
        Gen.Int[1, 6].Array[0, 5].Sample(lengths =>
        {
            var log = Log(lengths);
            var result = AuditVerifier.VerifyAsync(log, Digest(log)).GetAwaiter().GetResult();
            Assert.Equal(new AuditVerification(true, lengths.Sum(), null) { Chains = lengths.Length }, result);
        }, iter: Iterations(200));

    private static long Iterations(long iterations) =>
        Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? iterations : Check.Iter;

    private static void Verify(TamperCase c)
    {
        var log = Log(c.Lengths);
        var digest = Digest(log);
        var (subject, seq) = Apply(log, c);

        var result = AuditVerifier.VerifyAsync(log, digest).GetAwaiter().GetResult();

        Assert.False(result.Ok, "the tamper went unnoticed");
        Assert.Equal(subject, result.Broken!.Subject);
        Assert.Equal(seq, result.Broken.Seq);
    }

    /// <summary>Applies the tamper and returns where the verifier must report it.</summary>
    private static (string Subject, long Seq) Apply(MemoryAuditLog log, TamperCase c)
    {
        var rows = log.Rows;
        var chain = Subject(c.Target % c.Lengths.Length);
        var length = c.Lengths[c.Target % c.Lengths.Length];
        var seq = 1 + c.Other % length;
        var index = rows.FindIndex(record => record.Subject == chain && record.Seq == seq);
        switch (c.Kind)
        {
            case Tamper.ChangeBody:
                rows[index] = rows[index] with { Body = rows[index].Body.Replace("\"system\"", "\"mallory\"", StringComparison.Ordinal) };
                return (chain, seq);
            case Tamper.RewriteWithOwnHash:
                var body = AuditChain.Serialize(AuditChain.Deserialize(rows[index].Body) with { Actor = "mallory" });
                rows[index] = rows[index] with { Body = body, Hash = AuditChain.HashOf(rows[index].Prev, body) };
                // The next record's prev gives it away; the last record only the digest does.
                return (chain, seq == length ? seq : seq + 1);
            case Tamper.Delete:
                rows.RemoveAt(index);
                return (chain, seq);
            case Tamper.SwapInChain when length > 1:
                var otherSeq = 1 + (seq + c.Target % (length - 1)) % length;
                var otherIndex = rows.FindIndex(record => record.Subject == chain && record.Seq == otherSeq);
                SwapContent(rows, index, otherIndex);
                return (chain, Math.Min(seq, otherSeq));
            case Tamper.SwapAcrossChains when c.Lengths.Length > 1:
                var otherChainAt = (c.Target + 1 + c.Other % (c.Lengths.Length - 1)) % c.Lengths.Length;
                var otherChain = Subject(otherChainAt);
                var seqThere = Math.Min(seq, c.Lengths[otherChainAt]);
                SwapContent(rows, index, rows.FindIndex(record => record.Subject == otherChain && record.Seq == seqThere));
                return string.CompareOrdinal(chain, otherChain) < 0 ? (chain, seq) : (otherChain, seqThere);
            default:
                // A swap with nothing to swap with: delete instead, so that every case tampers.
                rows.RemoveAt(index);
                return (chain, seq);
        }
    }

    /// <summary>Two rows exchange everything but their place (subject and seq), as an UPDATE of the other columns would.</summary>
    private static void SwapContent(List<AuditRecord> rows, int a, int b)
    {
        var (first, second) = (rows[a], rows[b]);
        rows[a] = second with { Subject = first.Subject, Seq = first.Seq };
        rows[b] = first with { Subject = second.Subject, Seq = second.Seq };
    }

    private static MemoryAuditLog Log(int[] lengths) =>
        new(lengths.SelectMany((length, i) => AuditEntries.Chain(Subject(i), length)));

    private static AuditDigest Digest(MemoryAuditLog log) =>
        AuditDigests.ComputeAsync(log, AuditEntries.Start.AddDays(1), CancellationToken.None).GetAwaiter().GetResult();

    private static string Subject(int i) => $"account:a-{i}";
}
