using Enforcement.Store.Journal;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Tests.Store;

public sealed class Timers
{
    [Fact]
    public async Task Reads_the_timers_due_by_now_earliest_first_then_by_subject_at_most_the_limit()
    {
        await using var file = await StoreFile.OpenAsync();
        await SetAsync(file, "account:c", Sample.Noon.AddMinutes(1));
        await SetAsync(file, "account:b", Sample.Noon.AddMinutes(2));
        await SetAsync(file, "account:a", Sample.Noon.AddMinutes(2));
        await SetAsync(file, "account:d", Sample.Noon.AddMinutes(3));
        await SetAsync(file, "account:e", Sample.Noon.AddMinutes(4));

        var due = await file.Store.ReadDueAsync(Sample.Noon.AddMinutes(3), 10);
        var limited = await file.Store.ReadDueAsync(Sample.Noon.AddMinutes(3), 2);

        Assert.Equal(["account:c", "account:a", "account:b", "account:d"], due.Select(t => t.Subject));
        Assert.Equal(Sample.Noon.AddMinutes(1), due[0].Due);
        Assert.Equal(["account:c", "account:a"], limited.Select(t => t.Subject));
        Assert.Empty(await file.Store.ReadDueAsync(Sample.Noon, 10));
    }

    [Fact]
    public async Task A_later_commit_moves_a_subjects_timer_and_a_null_due_time_clears_it()
    {
        await using var file = await StoreFile.OpenAsync();
        await SetAsync(file, "account:a", Sample.Noon.AddMinutes(1));
        await SetAsync(file, "account:b", Sample.Noon.AddMinutes(2));

        await SetAsync(file, "account:a", Sample.Noon.AddMinutes(5));
        await file.Store.CommitAsync(new Commit(null, [], [], [], new DueTimer("account:b", null)));
        await file.Store.CommitAsync(new Commit(null, [], [], [], new DueTimer("account:never-set", null)));

        var due = await file.Store.ReadDueAsync(Sample.Noon.AddHours(1), 10);

        Assert.Equal<DueTimer>([new DueTimer("account:a", Sample.Noon.AddMinutes(5))], due);
    }

    [Fact]
    public async Task A_commit_without_a_timer_leaves_the_subjects_timer_as_it_is()
    {
        await using var file = await StoreFile.OpenAsync();
        await SetAsync(file, "account:a", Sample.Noon.AddMinutes(1));

        await file.Store.CommitAsync(Commit.Of(Sample.Entry("account:a", 1)));

        Assert.Single(await file.Store.ReadDueAsync(Sample.Noon.AddHours(1), 10));
    }

    private static Task<CommitResult> SetAsync(StoreFile file, string subject, DateTimeOffset due) =>
        file.Store.CommitAsync(new Commit(null, [], [], [], new DueTimer(subject, due)));
}
