using Enforcement.Store.Audit;

namespace Enforcement.Host.Tests.Cli;

public sealed class AuditVerifyCommandTests : IAsyncLifetime
{
    private const string Digest = "the digest of 2026-02-21T00:00:00.0000000Z";

    private readonly AuditDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public void An_untouched_database_verifies_against_its_latest_digest()
    {
        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Equal(0, exit);
        Assert.Equal(["using the latest digest in the database: #1, 12 records of 2026-02-21T00:00:00.0000000Z", "ok: 12 records in 3 chains verified"], lines);
    }

    [Theory]
    [InlineData(
        "UPDATE audit SET body = replace(body, '\"system\"', '\"mallory\"') WHERE subject = 'account:a-1' AND seq = 3",
        "broken: account:a-1 seq 3: record changed: its hash does not match its content")]
    [InlineData(
        "DELETE FROM audit WHERE subject = 'account:a-2' AND seq = 2",
        "broken: account:a-2 seq 2: seq 2 is missing: the chain goes from seq 1 to seq 3 (deleted)")]
    [InlineData(
        "UPDATE audit SET body = (SELECT body FROM audit WHERE subject = 'payment:9f3a' AND seq = 1) WHERE subject = 'payment:9f3a' AND seq = 2",
        "broken: payment:9f3a seq 2: record changed: its hash does not match its content")]
    [InlineData(
        "DELETE FROM audit WHERE subject = 'account:a-1' AND seq >= 4",
        $"broken: account:a-1 seq 4: chain cut: {Digest} has seq 5, the chain ends at seq 3")]
    [InlineData(
        "DELETE FROM audit WHERE subject = 'account:a-2'",
        $"broken: account:a-2 seq 1: chain missing: {Digest} has seq 3, the log has no record of account:a-2")]
    public void A_tampered_database_fails_at_the_subject_and_seq_of_the_edit(string tamper, string expected)
    {
        Assert.True(database.Sql(tamper) > 0);

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Equal(1, exit);
        Assert.Equal(expected, lines[^1]);
    }

    [Fact]
    public void Swapped_records_fail_where_the_first_of_them_stands()
    {
        database.Sql("UPDATE audit SET seq = -1 WHERE subject = 'account:a-1' AND seq = 2");
        database.Sql("UPDATE audit SET seq = 2 WHERE subject = 'account:a-1' AND seq = 3");
        database.Sql("UPDATE audit SET seq = 3 WHERE subject = 'account:a-1' AND seq = -1");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Equal(1, exit);
        Assert.Equal("broken: account:a-1 seq 2: its body is the entry of account:a-1 seq 3: records were moved or swapped", lines[^1]);
    }

    [Fact]
    public void A_record_rewritten_with_its_own_hash_fails_at_the_next_record()
    {
        var prev = database.Scalar("SELECT prev FROM audit WHERE subject = 'account:a-1' AND seq = 3");
        var body = AuditChain.Serialize(AuditChain.Deserialize(database.Scalar("SELECT body FROM audit WHERE subject = 'account:a-1' AND seq = 3")) with { Action = "observe" });
        database.Sql($"UPDATE audit SET body = '{body.Replace("'", "''", StringComparison.Ordinal)}', hash = '{AuditChain.HashOf(prev, body)}' WHERE subject = 'account:a-1' AND seq = 3");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Equal(1, exit);
        Assert.Equal("broken: account:a-1 seq 4: its prev is not the hash of seq 3: seq 3 was rewritten, or records were inserted, deleted or reordered", lines[^1]);
    }

    [Fact]
    public async Task A_digest_file_finds_a_cut_tail_after_the_digests_table_was_emptied()
    {
        var file = database.File("digest.json");
        await File.WriteAllTextAsync(file, AuditDigests.ToJson(database.Digest));
        database.Sql("DELETE FROM audit WHERE subject = 'payment:9f3a' AND seq = 4");
        database.Sql("DELETE FROM digests");

        var (withoutFile, _) = Enforce.Run("audit", "verify", "--db", database.Path);
        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path, "--digest", file);

        Assert.Equal(0, withoutFile);
        Assert.Equal(1, exit);
        Assert.Equal([$"using the digest in {file}: 12 records of 2026-02-21T00:00:00.0000000Z", $"broken: payment:9f3a seq 4: chain cut: {Digest} has seq 4, the chain ends at seq 3"], lines);
    }

    [Fact]
    public void A_digest_in_the_database_edited_to_hide_a_cut_tail_fails()
    {
        database.Sql("DELETE FROM audit WHERE subject = 'account:a-1' AND seq >= 4");
        database.Sql("""
            UPDATE digests SET body = replace(replace(body, '"subject":"account:a-1","seq":5', '"subject":"account:a-1","seq":3'), '"records":12', '"records":10')
            """);

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Contains("\"subject\":\"account:a-1\",\"seq\":3,", database.Scalar("SELECT body FROM digests"), StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Equal("broken: the latest digest in the database (#1 of 2026-02-21T00:00:00.0000000Z) was edited: its root does not match its heads", lines[^1]);
    }

    [Fact]
    public void Says_when_the_database_holds_no_digest()
    {
        database.Sql("DELETE FROM digests");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path);

        Assert.Equal(0, exit);
        Assert.Equal(["no digest in the database: a chain cut at its end cannot be seen; pass one with --digest", "ok: 12 records in 3 chains verified"], lines);
    }

    [Fact]
    public void Verifies_one_subject_alone()
    {
        database.Sql("DELETE FROM audit WHERE subject = 'account:a-1' AND seq = 2");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path, "--subject", "payment:9f3a");

        Assert.Equal(0, exit);
        Assert.Equal("ok: 4 records in 1 chains verified", lines[^1]);
    }

    [Fact]
    public async Task A_digest_file_edited_by_hand_is_an_error()
    {
        var file = database.File("digest.json");
        await File.WriteAllTextAsync(file, AuditDigests.ToJson(database.Digest).Replace("\"seq\": 5", "\"seq\": 4", StringComparison.Ordinal));

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path, "--digest", file);

        Assert.Equal(2, exit);
        Assert.Equal([$"error: {file}: {Digest} was edited: its root does not match its heads"], lines);
    }

    [Fact]
    public void A_missing_digest_file_is_an_error()
    {
        var file = database.File("nowhere.json");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", database.Path, "--digest", file);

        Assert.Equal(2, exit);
        Assert.Equal([$"error: {file}: no such digest file"], lines);
    }

    [Fact]
    public void A_missing_database_is_an_error_and_is_not_created()
    {
        var missing = database.File("other.db");

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", missing);

        Assert.Equal(2, exit);
        Assert.Equal([$"error: {missing}: no such database file (give its path with --db)"], lines);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_an_error()
    {
        var file = database.File("notes.db");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("not a database at all. ", 20)));

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", file);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {file}: cannot open the database: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Looks_for_the_database_where_the_host_keeps_it_by_default()
    {
        var (exit, lines) = Enforce.Run("audit", "verify");

        Assert.Equal(2, exit);
        Assert.Equal([$"error: {Path.Combine("data", "enforcement.db")}: no such database file (give its path with --db)"], lines);
    }
}
