using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Tests.Store;

public sealed class ChangeFeed
{
    [Fact]
    public async Task Cursors_increase_in_the_order_changes_were_committed()
    {
        await using var file = await StoreFile.OpenAsync();
        await file.Store.CommitAsync(new Commit(null, [], [], [Sample.Change("a-1", 1), Sample.Change("a-2", 1)], null));
        await file.Store.CommitAsync(new Commit(null, [], [], [Sample.Change("a-1", 2)], null));

        var changes = await file.Store.ReadChangesAsync(0, 10);

        Assert.Equal([("a-1", 1L), ("a-2", 1L), ("a-1", 2L)], changes.Select(c => (c.Change.Account, c.Change.Version)));
        Assert.Equal(changes.Select(c => c.Cursor).Order(), changes.Select(c => c.Cursor));
        Assert.Equal(3, changes.Select(c => c.Cursor).Distinct().Count());
    }

    [Fact]
    public async Task Reading_after_a_cursor_resumes_exactly_where_the_last_read_stopped()
    {
        await using var file = await StoreFile.OpenAsync();
        for (var version = 1; version <= 7; version++)
        {
            await file.Store.CommitAsync(new Commit(null, [], [], [Sample.Change("a-1", version)], null));
        }

        var first = await file.Store.ReadChangesAsync(0, 3);
        var second = await file.Store.ReadChangesAsync(first[^1].Cursor, 3);
        var third = await file.Store.ReadChangesAsync(second[^1].Cursor, 3);
        var rest = await file.Store.ReadChangesAsync(third[^1].Cursor, 3);

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], first.Concat(second).Concat(third).Select(c => c.Change.Version));
        Assert.Single(third);
        Assert.Empty(rest);
        Assert.Equal(Sample.Change("a-1", 5), second[1].Change);
    }
}
