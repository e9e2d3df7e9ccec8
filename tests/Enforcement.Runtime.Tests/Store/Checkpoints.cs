using Enforcement.Store.Checkpoints;

namespace Enforcement.Runtime.Tests.Store;

public sealed class Checkpoints
{
    [Fact]
    public async Task Each_write_with_the_current_etag_replaces_the_checkpoint_and_gives_a_new_etag()
    {
        await using var file = await StoreFile.OpenAsync();

        var first = await file.Store.WriteCheckpointAsync("account/a-1", [1], null);
        var second = await file.Store.WriteCheckpointAsync("account/a-1", [2], first);
        var read = await (await file.ReopenAsync()).ReadCheckpointAsync("account/a-1");

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal(("account/a-1", second), (read.Key, read.ETag));
        Assert.Equal([2], read.Data);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        await using var file = await StoreFile.OpenAsync();
        var first = await file.Store.WriteCheckpointAsync("account/a-1", [1], null);
        var second = await file.Store.WriteCheckpointAsync("account/a-1", [2], first);

        await Assert.ThrowsAsync<CheckpointConflictException>(() => file.Store.WriteCheckpointAsync("account/a-1", [3], first));
        await Assert.ThrowsAsync<CheckpointConflictException>(() => file.Store.WriteCheckpointAsync("account/a-1", [4], null));

        var read = await file.Store.ReadCheckpointAsync("account/a-1");
        Assert.Equal(second, read?.ETag);
        Assert.Equal([2], read?.Data);
    }

    [Fact]
    public async Task A_first_write_that_expects_an_etag_is_refused()
    {
        await using var file = await StoreFile.OpenAsync();

        await Assert.ThrowsAsync<CheckpointConflictException>(() => file.Store.WriteCheckpointAsync("account/a-1", [1], "some-etag"));

        Assert.Null(await file.Store.ReadCheckpointAsync("account/a-1"));
    }

    [Fact]
    public async Task Clearing_needs_the_current_etag()
    {
        await using var file = await StoreFile.OpenAsync();
        var etag = await file.Store.WriteCheckpointAsync("account/a-1", [1], null);
        await file.Store.WriteCheckpointAsync("account/a-2", [2], null);

        await Assert.ThrowsAsync<CheckpointConflictException>(() => file.Store.ClearCheckpointAsync("account/a-1", "stale"));
        await Assert.ThrowsAsync<CheckpointConflictException>(() => file.Store.ClearCheckpointAsync("account/a-1", null));
        Assert.NotNull(await file.Store.ReadCheckpointAsync("account/a-1"));

        await file.Store.ClearCheckpointAsync("account/a-1", etag);
        await file.Store.ClearCheckpointAsync("account/a-3", null);

        Assert.Null(await file.Store.ReadCheckpointAsync("account/a-1"));
        Assert.NotNull(await file.Store.ReadCheckpointAsync("account/a-2"));
    }

    [Fact]
    public async Task Of_concurrent_writes_expecting_the_same_etag_exactly_one_succeeds()
    {
        await using var file = await StoreFile.OpenAsync();
        var etag = await file.Store.WriteCheckpointAsync("account/a-1", [0], null);

        var writes = Enumerable.Range(1, 20)
            .Select(i => file.Store.WriteCheckpointAsync("account/a-1", [(byte)i], etag))
            .ToArray();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (CheckpointConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await file.Store.ReadCheckpointAsync("account/a-1"))?.ETag);
    }
}
