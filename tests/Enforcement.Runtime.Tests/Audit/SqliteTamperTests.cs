using Enforcement.Store.Audit;
using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Enforcement.Runtime.Tests.Audit;

/// <summary>
/// A real database written through the store's commits (account:a-1 of 5 records, account:a-2 of 3, payment:9f3a of 4)
/// with a digest saved, then edited with plain SQL on the closed file as an attacker with the file would: the verifier,
/// reading it back through the store, must name the subject and seq of each edit.
/// </summary>
public sealed class SqliteTamperTests : IAsyncLifetime, IDisposable
{
    private const string A1 = "account:a-1";
    private const string Digest = "the digest of 2026-02-21T00:00:00.0000000Z";

    private readonly TempDirectory folder = new();
    private AuditDigest digest = null!;

    private string Database => folder.File("enforcement.db");

    public async Task InitializeAsync()
    {
        await using var store = await Open();
        foreach (var (subject, length) in new[] { (A1, 5), ("account:a-2", 3), ("payment:9f3a", 4) })
        {
            foreach (var record in AuditEntries.Chain(subject, length))
            {
                var entry = new JournalEntry(subject, record.Seq, JournalKind.Advance, [1]);
                var result = await store.CommitAsync(new Commit(entry, [], [record], [], null));
                Assert.True(result.Durable);
            }
        }
        digest = await store.SaveDigestAsync(await AuditDigests.ComputeAsync(store, AuditEntries.Start.AddHours(12), CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task An_untouched_database_verifies_clean_against_its_digest()
    {
        var result = await Verify();

        Assert.Equal(new AuditVerification(true, 12, null) { Chains = 3 }, result);
    }

    [Fact]
    public async Task A_changed_body_is_found()
    {
        Sql("UPDATE audit SET body = replace(body, '\"system\"', '\"mallory\"') WHERE subject = 'account:a-1' AND seq = 3");

        var result = await Verify();

        Assert.Equal(new AuditBreak(A1, 3, "record changed: its hash does not match its content"), result.Broken);
    }

    [Fact]
    public async Task A_deleted_middle_record_is_found()
    {
        Sql("DELETE FROM audit WHERE subject = 'account:a-1' AND seq = 3");

        var result = await Verify();

        Assert.Equal(new AuditBreak(A1, 3, "seq 3 is missing: the chain goes from seq 2 to seq 4 (deleted)"), result.Broken);
    }

    [Fact]
    public async Task Two_records_swapped_are_found()
    {
        Sql("UPDATE audit SET seq = -1 WHERE subject = 'account:a-1' AND seq = 2");
        Sql("UPDATE audit SET seq = 2 WHERE subject = 'account:a-1' AND seq = 3");
        Sql("UPDATE audit SET seq = 3 WHERE subject = 'account:a-1' AND seq = -1");

        var result = await Verify();

        Assert.Equal(new AuditBreak(A1, 2, "its body is the entry of account:a-1 seq 3: records were moved or swapped"), result.Broken);
    }

    [Fact]
    public async Task A_cut_tail_is_found_only_by_the_digest()
    {
        Sql("DELETE FROM audit WHERE subject = 'account:a-1' AND seq > 3");

        var alone = await Verify(withDigest: false);
        var pinned = await Verify();

        Assert.True(alone.Ok);
        Assert.Equal(new AuditBreak(A1, 4, $"chain cut: {Digest} has seq 5, the chain ends at seq 3"), pinned.Broken);
    }

    [Fact]
    public async Task A_record_rewritten_with_its_own_hash_is_found_by_the_next_one()
    {
        AuditRecord original;
        await using (var store = await Open())
            original = (await store.ReadAuditAsync(A1, 2, 1)).Single();
        var body = AuditChain.Serialize(AuditChain.Deserialize(original.Body) with { Action = "observe" });
        Sql($"UPDATE audit SET body = '{body.Replace("'", "''", StringComparison.Ordinal)}', hash = '{AuditChain.HashOf(original.Prev, body)}' WHERE subject = 'account:a-1' AND seq = 3");

        var result = await Verify();

        Assert.Equal(
            new AuditBreak(A1, 4, "its prev is not the hash of seq 3: seq 3 was rewritten, or records were inserted, deleted or reordered"),
            result.Broken);
    }

    [Fact]
    public async Task A_digest_kept_apart_finds_a_cut_tail_when_the_digests_table_was_emptied_too()
    {
        var file = folder.File("digest.json");
        await File.WriteAllTextAsync(file, AuditDigests.ToJson(digest));
        Sql("DELETE FROM audit WHERE subject = 'payment:9f3a' AND seq = 4");
        Sql("DELETE FROM digests");

        await using var store = await Open();
        var latest = await store.ReadLatestDigestAsync();
        var result = await AuditVerifier.VerifyAsync(store, AuditDigests.FromJson(await File.ReadAllTextAsync(file)));

        Assert.Null(latest);
        Assert.Equal(new AuditBreak("payment:9f3a", 4, $"chain cut: {Digest} has seq 4, the chain ends at seq 3"), result.Broken);
    }

    [Fact]
    public async Task The_digest_saved_in_the_database_reads_back_as_it_was_taken()
    {
        await using var store = await Open();

        var latest = await store.ReadLatestDigestAsync();

        Assert.NotNull(latest);
        Assert.Equal(AuditDigests.ToJson(digest), AuditDigests.ToJson(latest));
        Assert.True(AuditDigests.IsConsistent(latest));
    }

    private Task<SqliteStore> Open() => SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Database });

    private async Task<AuditVerification> Verify(bool withDigest = true)
    {
        await using var store = await Open();
        return await AuditVerifier.VerifyAsync(store, withDigest ? await store.ReadLatestDigestAsync() : null);
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(command.ExecuteNonQuery() > 0, $"the tamper changed nothing: {sql}");
    }
}
