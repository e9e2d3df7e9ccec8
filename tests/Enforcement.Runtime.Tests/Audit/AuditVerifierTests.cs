using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

/// <summary>
/// The verifier against a log held in memory and edited as an attacker with write access to the table would: three
/// chains (account:a-1 of 5 records, account:a-2 of 3, payment:9f3a of 4).
/// </summary>
public sealed class AuditVerifierTests
{
    private const string A1 = "account:a-1";
    private const string A2 = "account:a-2";
    private const string Payment = "payment:9f3a";

    private readonly MemoryAuditLog log = new([.. AuditEntries.Chain(A1, 5), .. AuditEntries.Chain(A2, 3), .. AuditEntries.Chain(Payment, 4)]);

    [Fact]
    public async Task An_untouched_log_verifies_with_every_record_and_chain_counted()
    {
        var result = await AuditVerifier.VerifyAsync(log, await Digest());

        Assert.Equal(new AuditVerification(true, 12, null) { Chains = 3 }, result);
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        var result = await AuditVerifier.VerifyAsync(new MemoryAuditLog([]), null);

        Assert.Equal(new AuditVerification(true, 0, null), result);
    }

    [Fact]
    public async Task A_changed_body_breaks_at_its_record()
    {
        Edit(A1, 3, record => record with { Body = record.Body.Replace("\"throttle\"", "\"observe\"", StringComparison.Ordinal) });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditVerification(false, 2, new AuditBreak(A1, 3, "record changed: its hash does not match its content")) { Chains = 1 }, result);
    }

    [Fact]
    public async Task A_deleted_record_breaks_where_it_is_missing()
    {
        log.Rows.Remove(Row(A1, 3));

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 3, "seq 3 is missing: the chain goes from seq 2 to seq 4 (deleted)"), result.Broken);
    }

    [Fact]
    public async Task Several_deleted_records_are_named_as_a_range()
    {
        log.Rows.Remove(Row(A1, 2));
        log.Rows.Remove(Row(A1, 3));

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 2, "seqs 2 to 3 are missing: the chain goes from seq 1 to seq 4 (deleted)"), result.Broken);
    }

    [Fact]
    public async Task A_deleted_first_record_breaks_at_seq_one()
    {
        log.Rows.Remove(Row(A2, 1));

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditVerification(false, 5, new AuditBreak(A2, 1, "seq 1 is missing: the chain starts at seq 2 (deleted)")) { Chains = 2 }, result);
    }

    [Fact]
    public async Task A_record_rewritten_with_its_own_hash_is_caught_by_the_next_records_prev()
    {
        Edit(A1, 3, record =>
        {
            var body = AuditChain.Serialize(AuditChain.Deserialize(record.Body) with { Action = "observe" });
            return record with { Body = body, Hash = AuditChain.HashOf(record.Prev, body) };
        });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(
            new AuditBreak(A1, 4, "its prev is not the hash of seq 3: seq 3 was rewritten, or records were inserted, deleted or reordered"),
            result.Broken);
    }

    [Fact]
    public async Task Two_swapped_records_break_where_the_first_of_them_stands()
    {
        var (second, third) = (Row(A1, 2), Row(A1, 3));
        Edit(A1, 2, _ => third with { Seq = 2 });
        Edit(A1, 3, _ => second with { Seq = 3 });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 2, "its body is the entry of account:a-1 seq 3: records were moved or swapped"), result.Broken);
    }

    [Fact]
    public async Task Two_swapped_bodies_break_as_a_changed_record()
    {
        var (second, third) = (Row(A1, 2), Row(A1, 3));
        Edit(A1, 2, record => record with { Body = third.Body });
        Edit(A1, 3, record => record with { Body = second.Body });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 2, "record changed: its hash does not match its content"), result.Broken);
    }

    [Fact]
    public async Task An_inserted_record_at_a_taken_seq_breaks_as_a_seq_seen_twice()
    {
        log.Rows.Add(AuditChain.Append(Row(A1, 2), AuditEntries.Climb(A1, 3) with { Actor = "mallory" }));

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 3, "seq 3 appears twice"), result.Broken);
    }

    [Fact]
    public async Task A_first_record_whose_prev_is_not_genesis_breaks_at_seq_one()
    {
        Edit(A2, 1, record => record with { Prev = Row(A1, 5).Hash, Hash = AuditChain.HashOf(Row(A1, 5).Hash, record.Body) });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A2, 1, "the first record's prev is not Genesis: it was moved here from another place"), result.Broken);
    }

    [Fact]
    public async Task A_body_of_another_chain_breaks_even_when_rehashed()
    {
        var foreign = Row(A2, 1).Body;
        Edit(A1, 1, record => record with { Body = foreign, Hash = AuditChain.HashOf(record.Prev, foreign) });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal(new AuditBreak(A1, 1, "its body is the entry of account:a-2 seq 1: records were moved or swapped"), result.Broken);
    }

    [Fact]
    public async Task A_body_that_does_not_parse_breaks_even_when_rehashed()
    {
        Edit(Payment, 2, record => record with { Body = "{\"oops\"", Hash = AuditChain.HashOf(record.Prev, "{\"oops\"") });

        var result = await AuditVerifier.VerifyAsync(log, null);

        Assert.Equal((Payment, 2L), (result.Broken!.Subject, result.Broken.Seq));
        Assert.StartsWith("its body does not parse: ", result.Broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_tail_passes_without_a_digest_and_breaks_against_one()
    {
        var digest = await Digest();
        log.Rows.Remove(Row(A1, 5));
        log.Rows.Remove(Row(A1, 4));

        var alone = await AuditVerifier.VerifyAsync(log, null);
        var pinned = await AuditVerifier.VerifyAsync(log, digest);

        Assert.True(alone.Ok);
        Assert.Equal(
            new AuditVerification(false, 3, new AuditBreak(A1, 4, "chain cut: the digest of 2026-02-21T00:00:00.0000000Z has seq 5, the chain ends at seq 3")) { Chains = 1 },
            pinned);
    }

    [Fact]
    public async Task A_cut_tail_of_the_last_chain_breaks_against_the_digest()
    {
        var digest = await Digest();
        log.Rows.Remove(Row(Payment, 4));

        var result = await AuditVerifier.VerifyAsync(log, digest);

        Assert.Equal(new AuditBreak(Payment, 4, "chain cut: the digest of 2026-02-21T00:00:00.0000000Z has seq 4, the chain ends at seq 3"), result.Broken);
    }

    [Fact]
    public async Task A_chain_rewritten_wholesale_passes_alone_and_breaks_against_the_digest()
    {
        var digest = await Digest();
        AuditRecord? tail = null;
        log.Rows.RemoveAll(record => record.Subject == A1);
        for (var seq = 1; seq <= 5; seq++)
        {
            tail = AuditChain.Append(tail, AuditEntries.Climb(A1, seq) with { Actor = seq == 2 ? "mallory" : "system" });
            log.Rows.Add(tail);
        }

        var alone = await AuditVerifier.VerifyAsync(log, null);
        var pinned = await AuditVerifier.VerifyAsync(log, digest);

        Assert.True(alone.Ok);
        Assert.Equal(new AuditBreak(A1, 5, "record rewritten: the digest of 2026-02-21T00:00:00.0000000Z has another hash at seq 5"), pinned.Broken);
    }

    [Theory]
    [InlineData(A1)]
    [InlineData(A2)]
    [InlineData(Payment)]
    public async Task A_chain_deleted_entirely_breaks_against_the_digest(string subject)
    {
        var digest = await Digest();
        var seq = digest.Heads.Single(head => head.Subject == subject).Seq;
        log.Rows.RemoveAll(record => record.Subject == subject);

        var result = await AuditVerifier.VerifyAsync(log, digest);

        Assert.Equal(new AuditBreak(subject, 1, $"chain missing: the digest of 2026-02-21T00:00:00.0000000Z has seq {seq}, the log has no record of {subject}"), result.Broken);
    }

    [Fact]
    public async Task Records_written_after_the_digest_are_fine()
    {
        var digest = await Digest();
        log.Rows.Add(AuditChain.Append(Row(A2, 3), AuditEntries.Climb(A2, 4)));
        log.Rows.Add(AuditChain.Append(null, AuditEntries.Climb("account:a-3", 1)));

        var result = await AuditVerifier.VerifyAsync(log, digest);

        Assert.Equal(new AuditVerification(true, 14, null) { Chains = 4 }, result);
    }

    [Fact]
    public async Task One_subject_is_verified_alone_against_its_own_head_only()
    {
        var digest = await Digest();
        log.Rows.Remove(Row(A1, 3));
        log.Rows.RemoveAll(record => record.Subject == Payment);

        var result = await AuditVerifier.VerifyAsync(log, digest, A2);

        Assert.Equal(new AuditVerification(true, 3, null) { Chains = 1 }, result);
    }

    [Fact]
    public async Task One_subject_cut_at_its_tail_breaks_against_its_head()
    {
        var digest = await Digest();
        log.Rows.Remove(Row(A2, 3));

        var result = await AuditVerifier.VerifyAsync(log, digest, A2);

        Assert.Equal(new AuditBreak(A2, 3, "chain cut: the digest of 2026-02-21T00:00:00.0000000Z has seq 3, the chain ends at seq 2"), result.Broken);
    }

    [Fact]
    public async Task Refuses_a_digest_whose_root_does_not_match_its_heads()
    {
        var digest = await Digest();
        var edited = digest with { Heads = [.. digest.Heads.Select(head => head.Subject == A1 ? head with { Seq = 3 } : head)] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => AuditVerifier.VerifyAsync(log, edited));

        Assert.StartsWith("the digest of 2026-02-21T00:00:00.0000000Z was edited: its root does not match its heads", error.Message, StringComparison.Ordinal);
    }

    private Task<AuditDigest> Digest() => AuditDigests.ComputeAsync(log, AuditEntries.Start.AddHours(12), CancellationToken.None);

    private AuditRecord Row(string subject, long seq) => log.Rows.Single(record => record.Subject == subject && record.Seq == seq);

    private void Edit(string subject, long seq, Func<AuditRecord, AuditRecord> edit)
    {
        var index = log.Rows.IndexOf(Row(subject, seq));
        log.Rows[index] = edit(log.Rows[index]);
    }
}
