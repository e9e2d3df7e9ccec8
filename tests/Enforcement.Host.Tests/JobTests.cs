using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Enforcement.Host.Tests;

/// <summary>The Quartz jobs of the running host, over its real store and grains.</summary>
[Collection(SharedHost.Name)]
public sealed class JobTests(HostFixture host)
{
    [Fact]
    public async Task The_timer_job_records_the_expiry_of_a_throttle_that_ran_out_and_running_it_again_changes_nothing()
    {
        var account = Signal.Unique("expiry");
        using var automation = host.Client("automation");
        using var reviewer = host.Client("reviewer");
        // Six days ago: the throttle's six hours ran out long since; its expiry is recorded once time passes for the account.
        var at = Signal.Now.AddDays(-6);
        var batch = Signal.Batch(Enumerable.Range(0, 3).Select(i => Signal.Request($"{account}-{i}", account, at.AddSeconds(i))));
        var answer = await Http.ExpectAsync(automation, "POST", "/v1/signals", 200, batch);
        Assert.Equal("throttle", answer["decisions"]![0]!["action"]!.ToString());

        // The throttle reads as lifted at once (its until has passed); the record of its expiry is the timer job's work.
        var timeline = await Http.GetAsync(reviewer, $"/v1/accounts/{account}/audit");
        for (var attempt = 0; attempt < 100 && timeline["records"]!.AsArray().Count < 2; attempt++)
        {
            await Task.Delay(100);
            timeline = await Http.GetAsync(reviewer, $"/v1/accounts/{account}/audit");
        }
        Assert.Equal(["climb", "expire"], timeline["records"]!.AsArray().Select(r => r!["kind"]!.ToString()));
        Assert.Equal("allow", (await Http.GetAsync(automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());
        var records = timeline["records"]!.AsArray().Count;

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("due-timers"));
        await scheduler.TriggerJob(new JobKey("due-timers"));
        await Task.Delay(1500);

        Assert.Equal(records, (await Http.GetAsync(reviewer, $"/v1/accounts/{account}/audit"))["records"]!.AsArray().Count);
        Assert.Equal("allow", (await Http.GetAsync(automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());
    }
}
