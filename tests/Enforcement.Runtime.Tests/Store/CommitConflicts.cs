using Enforcement.Store.Journal;
using Enforcement.Store.Sqlite;

namespace Enforcement.Runtime.Tests.Store;

public sealed class CommitConflicts
{
    [Fact]
    public async Task A_reused_receipt_id_changes_nothing_and_every_reused_id_is_reported()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Sample.Receipts("s-1", "s-3"));

        var result = await file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1", "s-2", "s-3"));

        Assert.False(result.Durable);
        Assert.False(result.SequenceTaken);
        Assert.Equal<string>(["s-1", "s-3"], result.ConflictingReceipts);
        await AssertNothingOf(file.Store, "a-1");
        Assert.DoesNotContain("s-2", await file.Store.FindReceiptsAsync(["s-2"]));
    }

    [Fact]
    public async Task A_taken_journal_seq_changes_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", 1)));

        var result = await file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));

        Assert.False(result.Durable);
        Assert.True(result.SequenceTaken);
        Assert.Empty(result.ConflictingReceipts);
        Assert.Empty(await file.Store.FindReceiptsAsync(["s-1"]));
        Assert.Null(await file.Store.ReadAuditTailAsync("account:a-1"));
        Assert.Empty(await file.Store.ReadChangesAsync(0, 10));
        Assert.Empty(await file.Store.ReadDueAsync(DateTimeOffset.MaxValue, 10));
        Assert.Equal(Sample.Entry("account:a-1", 1).Payload, Assert.Single(await file.Store.ReadJournalAsync("account:a-1", 0).ToListAsync()).Payload);
    }

    [Fact]
    public async Task A_journal_entry_that_skips_a_seq_changes_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", 1)));

        var result = await file.Store.CommitAsync(Sample.Full("a-1", 3, "s-3"));

        Assert.Equal((false, true), (result.Durable, result.SequenceTaken));
        Assert.Empty(await file.Store.FindReceiptsAsync(["s-3"]));
        Assert.Equal([1L], (await file.Store.ReadJournalAsync("account:a-1", 0).ToListAsync()).Select(e => e.Seq));
        Assert.True((await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", 2)))).Durable);
    }

    [Fact]
    public async Task A_taken_audit_seq_changes_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        var earlier = Sample.Audit("account:a-1", 1) with { Body = "earlier" };
        await file.Store.CommitAsync(new Commit(null, [], [earlier], [], null));

        var result = await file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));

        Assert.Equal((false, true), (result.Durable, result.SequenceTaken));
        Assert.Empty(await file.Store.FindReceiptsAsync(["s-1"]));
        Assert.Empty(await file.Store.ReadJournalAsync("account:a-1", 0).ToListAsync());
        Assert.Equal(earlier, await file.Store.ReadAuditTailAsync("account:a-1"));
        Assert.Empty(await file.Store.ReadChangesAsync(0, 10));
        Assert.Empty(await file.Store.ReadDueAsync(DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task Conflicting_commits_leave_the_other_commits_of_their_flush_durable()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Sample.Receipts([.. Sample.Ids("old", 50)]));
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:taken", 1)));
        var flushesBefore = file.Store.Flushes;

        var commits = new List<(int Index, Task<CommitResult> Result)>();
        using (file.HoldWriteLock())
        {
            for (var i = 0; i < 200; i++)
            {
                var commit = (i % 4) switch
                {
                    0 => Sample.Full($"a-{i}", 1, $"new-{i}", $"old-{i % 50}"),
                    1 => Sample.Full("taken", 1, $"new-{i}"),
                    _ => Sample.Full($"a-{i}", 1, $"new-{i}"),
                };
                commits.Add((i, file.Store.CommitAsync(commit)));
            }
        }

        await Task.WhenAll(commits.Select(c => c.Result));
        Assert.InRange(file.Store.Flushes - flushesBefore, 1, 3);

        var store = await file.ReopenAsync();
        var received = await store.FindReceiptsAsync(Sample.Ids("new", 200));
        foreach (var (i, task) in commits)
        {
            var result = await task;
            switch (i % 4)
            {
                case 0:
                    Assert.Equal<string>([$"old-{i % 50}"], result.ConflictingReceipts);
                    await AssertNothingOf(store, $"a-{i}");
                    break;
                case 1:
                    Assert.True(result.SequenceTaken);
                    break;
                default:
                    Assert.True(result.Durable);
                    Assert.Single(await store.ReadJournalAsync($"account:a-{i}", 0).ToListAsync());
                    Assert.Equal(1, (await store.ReadAuditTailAsync($"account:a-{i}"))?.Seq);
                    break;
            }

            Assert.Equal(result.Durable, received.ContainsKey($"new-{i}"));
        }

        await AssertNothingOf(store, "taken", journal: false);
        Assert.Equal(100, (await store.ReadChangesAsync(0, 1000)).Length);
        Assert.Equal(100, (await store.ReadDueAsync(DateTimeOffset.MaxValue, 1000)).Length);
    }

    [Fact]
    public async Task Of_two_commits_in_one_flush_with_the_same_receipt_id_the_first_queued_wins()
    {
        await using var file = await StoreFile.OpenAsync();
        Task<CommitResult> first, second;
        using (file.HoldWriteLock())
        {
            var blocker = file.Store.CommitAsync(Sample.Receipts("blocker"));
            await WriteLock.WriterReachesLock();
            first = file.Store.CommitAsync(Sample.Full("a-1", 1, "same"));
            second = file.Store.CommitAsync(Sample.Full("a-2", 1, "same"));
        }

        Assert.True((await first).Durable);
        Assert.Equal<string>(["same"], (await second).ConflictingReceipts);
        Assert.Equal("a-1", (await file.Store.FindReceiptsAsync(["same"]))["same"].Account);
        await AssertNothingOf(file.Store, "a-2");
    }

    [Fact]
    public async Task Of_two_commits_in_one_flush_taking_the_same_journal_seq_the_first_queued_wins()
    {
        await using var file = await StoreFile.OpenAsync();
        Task<CommitResult> first, second;
        using (file.HoldWriteLock())
        {
            var blocker = file.Store.CommitAsync(Sample.Receipts("blocker"));
            await WriteLock.WriterReachesLock();
            first = file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));
            second = file.Store.CommitAsync(Sample.Full("a-1", 1, "s-2"));
        }

        Assert.True((await first).Durable);
        Assert.True((await second).SequenceTaken);
        Assert.Equal(["s-1"], (await file.Store.FindReceiptsAsync(["s-1", "s-2"])).Keys);
    }

    [Fact]
    public async Task A_receipt_twice_in_one_commit_is_refused_as_a_mistake_without_failing_its_flush()
    {
        await using var file = await StoreFile.OpenAsync();
        Task<CommitResult> twice, other;
        using (file.HoldWriteLock())
        {
            var blocker = file.Store.CommitAsync(Sample.Receipts("blocker"));
            await WriteLock.WriterReachesLock();
            twice = file.Store.CommitAsync(Sample.Receipts("s-1", "s-2", "s-1"));
            other = file.Store.CommitAsync(Sample.Receipts("s-3"));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => twice);
        Assert.True((await other).Durable);
        Assert.Equal(["s-3"], (await file.Store.FindReceiptsAsync(["s-1", "s-2", "s-3"])).Keys);
    }

    [Fact]
    public async Task A_commit_the_database_cannot_take_fails_alone_and_its_flush_goes_on()
    {
        await using var file = await StoreFile.OpenAsync();
        Task<CommitResult> broken, other;
        using (file.HoldWriteLock())
        {
            var blocker = file.Store.CommitAsync(Sample.Receipts("blocker"));
            await WriteLock.WriterReachesLock();
            broken = file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1") with { Changes = [Sample.Change("a-1", 1) with { State = null! }] });
            other = file.Store.CommitAsync(Sample.Full("a-2", 1, "s-2"));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => broken);
        Assert.True((await other).Durable);
        await AssertNothingOf(file.Store, "a-1");
        Assert.Equal(["s-2"], (await file.Store.FindReceiptsAsync(["s-1", "s-2"])).Keys);
    }

    [Fact]
    public async Task A_commit_cancelled_before_the_writer_reaches_it_writes_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        using var cancellation = new CancellationTokenSource();
        Task<CommitResult> cancelled;
        using (file.HoldWriteLock())
        {
            var blocker = file.Store.CommitAsync(Sample.Receipts("blocker"));
            await WriteLock.WriterReachesLock();
            cancelled = file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"), cancellation.Token);
            await cancellation.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await AssertNothingOf(file.Store, "a-1");
        Assert.Empty(await file.Store.FindReceiptsAsync(["s-1"]));
    }

    private static async Task AssertNothingOf(SqliteStore store, string account, bool journal = true)
    {
        var subject = $"account:{account}";
        if (journal)
        {
            Assert.Empty(await store.ReadJournalAsync(subject, 0).ToListAsync());
        }

        Assert.Null(await store.ReadAuditTailAsync(subject));
        Assert.DoesNotContain(await store.ReadChangesAsync(0, 1000), c => c.Change.Account == account);
        Assert.DoesNotContain(await store.ReadDueAsync(DateTimeOffset.MaxValue, 1000), t => t.Subject == subject);
    }
}
