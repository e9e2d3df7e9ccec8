using System.Globalization;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;
using Microsoft.Data.Sqlite;

namespace Enforcement.Runtime.Tests.Store;

public sealed class Durability
{
    [Fact]
    public async Task Every_part_of_a_commit_is_there_after_reopening_the_file()
    {
        await using var file = await StoreFile.OpenAsync();
        var commit = Sample.Full("a-1", 1, "s-1", "s-2");

        var result = await file.Store.CommitAsync(commit);
        var store = await file.ReopenAsync();

        Assert.True(result.Durable);
        var entry = Assert.Single(await store.ReadJournalAsync("account:a-1", 0).ToListAsync());
        Assert.Equal((commit.Entry!.Seq, commit.Entry.Kind), (entry.Seq, entry.Kind));
        Assert.Equal(commit.Entry.Payload, entry.Payload);
        var receipts = await store.FindReceiptsAsync(["s-1", "s-2"]);
        Assert.Equal(["s-1", "s-2"], receipts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(commit.Receipts[1].ContentHash, receipts["s-2"].ContentHash);
        Assert.Equal(commit.Receipts[1] with { ContentHash = [] }, receipts["s-2"] with { ContentHash = [] });
        Assert.Equal(commit.Audit[0], await store.ReadAuditTailAsync("account:a-1"));
        Assert.Equal(commit.Changes[0], Assert.Single(await store.ReadChangesAsync(0, 10)).Change);
        Assert.Equal(commit.Timer, Assert.Single(await store.ReadDueAsync(Sample.Noon.AddDays(1), 10)));
    }

    [Fact]
    public async Task Times_are_stored_as_round_trip_text_and_utc_ticks()
    {
        await using var file = await StoreFile.OpenAsync();
        var at = new DateTimeOffset(2026, 2, 20, 13, 0, 0, TimeSpan.FromHours(1));
        var commit = new Commit(
            null,
            [Sample.Receipt("s-1") with { At = at.UtcTicks }],
            [],
            [Sample.Change("a-1", 1) with { At = at }],
            new DueTimer("account:a-1", at));

        await file.Store.CommitAsync(commit);

        Assert.Equal(at.ToString("O", CultureInfo.InvariantCulture), file.Scalar("SELECT at FROM changes"));
        Assert.Equal(at.UtcTicks, file.Scalar("SELECT due FROM timers"));
        Assert.Equal(at.UtcTicks, file.Scalar("SELECT at FROM receipts"));
    }

    [Fact]
    public async Task A_failed_flush_faults_every_commit_in_it_and_stores_none_of_them()
    {
        await using var file = await StoreFile.OpenAsync(maxPageCount: 64);
        Task<CommitResult> before;
        Task<CommitResult>[] flushed;
        using (file.HoldWriteLock())
        {
            before = file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));
            await WriteLock.WriterReachesLock();
            var tooBig = new Commit(new JournalEntry("account:a-3", 1, JournalKind.Signals, new byte[1 << 20]), [], [], [], null);
            flushed =
            [
                file.Store.CommitAsync(Sample.Full("a-2", 1, "s-2")),
                file.Store.CommitAsync(tooBig),
                file.Store.CommitAsync(Sample.Full("a-4", 1, "s-4")),
            ];
        }

        Assert.True((await before).Durable);
        foreach (var commit in flushed)
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => commit);
            Assert.Equal(13, error.SqliteErrorCode); // SQLITE_FULL
        }

        var after = await file.Store.CommitAsync(Sample.Full("a-5", 1, "s-5"));
        var store = await file.ReopenAsync();

        Assert.True(after.Durable);
        Assert.Equal(["s-1", "s-5"], (await store.FindReceiptsAsync(["s-1", "s-2", "s-4", "s-5"])).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await store.ReadJournalAsync("account:a-2", 0).ToListAsync());
        Assert.Empty(await store.ReadJournalAsync("account:a-3", 0).ToListAsync());
        Assert.Null(await store.ReadAuditTailAsync("account:a-4"));
        Assert.Equal(["a-1", "a-5"], (await store.ReadChangesAsync(0, 10)).Select(c => c.Change.Account));
    }

    [Fact]
    public async Task Disposing_closes_the_file_so_that_it_can_be_reopened_and_deleted()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));
        Assert.True(await file.Store.PingAsync());
        Assert.Single(await file.Store.FindReceiptsAsync(["s-1"]));

        await file.Store.DisposeAsync();

        // The last connection to close folds the WAL into the file and removes it: none is left open.
        Assert.False(File.Exists(file.Path + "-wal"));
        Assert.False(await file.Store.PingAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => file.Store.CommitAsync(Sample.Receipts("s-2")));
        var store = await file.ReopenAsync();
        Assert.Single(await store.FindReceiptsAsync(["s-1"]));
        await store.DisposeAsync();
        File.Delete(file.Path);
        Assert.False(File.Exists(file.Path));
    }

    [Fact]
    public async Task Initializing_again_keeps_what_is_stored()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Sample.Full("a-1", 1, "s-1"));

        await file.Store.InitializeAsync();
        var store = await file.ReopenAsync();

        Assert.Single(await store.FindReceiptsAsync(["s-1"]));
        Assert.True(await store.PingAsync());
    }
}
