using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Tests.Store;

public sealed class JournalReads
{
    [Fact]
    public async Task Reads_a_subjects_entries_after_a_seq_in_order_and_complete()
    {
        await using var file = await StoreFile.OpenAsync();
        for (var seq = 1L; seq <= 40; seq++)
            await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", seq)));
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-10", 1)));
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-", 1)));

        var entries = await file.Store.ReadJournalAsync("account:a-1", 12).ToListAsync();

        Assert.Equal(Enumerable.Range(13, 28).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.All(entries, e => Assert.Equal(Sample.Entry("account:a-1", e.Seq).Payload, e.Payload));
        Assert.All(entries, e => Assert.Equal(("account:a-1", JournalKind.Signals), (e.Subject, e.Kind)));
    }

    [Fact]
    public async Task Reads_nothing_after_the_last_seq_or_for_an_unknown_subject()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", 1)));

        Assert.Empty(await file.Store.ReadJournalAsync("account:a-1", 1).ToListAsync());
        Assert.Empty(await file.Store.ReadJournalAsync("account:a-2", 0).ToListAsync());
    }

    [Fact]
    public async Task Keeps_each_entrys_kind()
    {
        await using var file = await StoreFile.OpenAsync();
        JournalKind[] kinds = [JournalKind.Profile, JournalKind.Advance, JournalKind.Challenge, JournalKind.Signals];
        for (var i = 0; i < kinds.Length; i++)
        {
            await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a-1", i + 1) with { Kind = kinds[i] }));
        }

        var entries = await file.Store.ReadJournalAsync("account:a-1", 0).ToListAsync();

        Assert.Equal(kinds, entries.Select(e => e.Kind));
    }
}
