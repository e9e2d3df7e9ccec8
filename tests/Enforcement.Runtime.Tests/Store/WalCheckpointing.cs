namespace Enforcement.Runtime.Tests.Store;

public sealed class WalCheckpointing
{
    [Fact]
    public async Task The_log_is_copied_into_the_database_file_beside_the_writer_while_the_store_is_open()
    {
        await using var file = await StoreFile.OpenAsync();
        var before = new FileInfo(file.Path).Length;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => file.Store.CommitAsync(Sample.Full($"a-{i}", 1, $"s-{i}"))));
        var ran = file.Store.WalCheckpointsDone;
        for (var wait = 0; wait < 100 && file.Store.WalCheckpointsDone < ran + 2; wait++)
            await Task.Delay(50);

        // Far below the writer's own limit of 65,536 pages: only the checkpoints beside it can have grown the file.
        Assert.True(file.Store.WalCheckpointsDone >= ran + 2, "no checkpoint ran beside the writer");
        Assert.True(new FileInfo(file.Path).Length > before, $"the database file stayed at {before} bytes");
        Assert.Equal(200, (await file.Store.FindReceiptsAsync(Sample.Ids("s", 200))).Count);
    }
}
