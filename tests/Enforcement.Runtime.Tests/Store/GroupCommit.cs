namespace Enforcement.Runtime.Tests.Store;

public sealed class GroupCommit
{
    [Fact]
    public async Task Commits_queued_while_the_writer_waits_share_one_flush()
    {
        await using var file = await StoreFile.OpenAsync();
        var flushesBefore = file.Store.Flushes;

        Task[] commits;
        using (file.HoldWriteLock())
        {
            commits = [.. Enumerable.Range(0, 300).Select(i => file.Store.CommitAsync(Sample.Full($"a-{i}", 1, $"s-{i}")))];
        }

        await Task.WhenAll(commits);
        Assert.InRange(file.Store.Flushes - flushesBefore, 1, 2);
        Assert.Equal(300, (await file.Store.FindReceiptsAsync(Sample.Ids("s", 300))).Count);
    }

    [Fact]
    public async Task A_flush_takes_at_most_the_batch_size()
    {
        await using var file = await StoreFile.OpenAsync(maxBatch: 10);
        var flushesBefore = file.Store.Flushes;

        Task[] commits;
        using (file.HoldWriteLock())
        {
            commits = [.. Enumerable.Range(0, 100).Select(i => file.Store.CommitAsync(Sample.Full($"a-{i}", 1, $"s-{i}")))];
        }

        await Task.WhenAll(commits);
        Assert.InRange(file.Store.Flushes - flushesBefore, 10, 11);
        Assert.Equal(100, (await file.Store.FindReceiptsAsync(Sample.Ids("s", 100))).Count);
    }
}
