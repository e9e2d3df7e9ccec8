using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Enforcement.Host.Tests;

/// <summary>The Quartz jobs of the running host, over its real store and grains.</summary>
[Collection(SharedHost.Name)]
public sealed class JobTests(HostFixture host)
{
    [Fact]
    public async Task The_timer_job_expires_a_throttle_that_ran_out_and_running_it_again_changes_nothing()
    {
        var account = Signal.Unique("expiry");
        using var automation = host.Client("automation");
        using var reviewer = host.Client("reviewer");
        // Six days ago: the throttle's six hours ran out long since, and only the passing of time can say so.
        var at = Signal.Now.AddDays(-6);
        var batch = Signal.Batch(Enumerable.Range(0, 3).Select(i => Signal.Request($"{account}-{i}", account, at.AddSeconds(i))));
        var answer = await Http.ExpectAsync(automation, "POST", "/v1/signals", 200, batch);
        Assert.Equal("throttle", answer["decisions"]![0]!["action"]!.ToString());

        // The gateway's answer is already allow: the throttle is not in force at the server's time. The audit records
        // the expiry only when the timer job advances the account.
        Assert.Equal("allow", (await Http.GetAsync(automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var kinds = new List<string>();
        for (var attempt = 0; attempt < 100 && !kinds.Contains("expire"); attempt++)
        {
            await scheduler.TriggerJob(new JobKey("due-timers"));
            await Task.Delay(100);
            kinds = [.. (await Http.GetAsync(reviewer, $"/v1/accounts/{account}/audit"))["records"]!.AsArray().Select(r => r!["kind"]!.ToString())];
        }
        Assert.Equal(["climb", "expire"], kinds);
        var records = kinds.Count;

        await scheduler.TriggerJob(new JobKey("due-timers"));
        await scheduler.TriggerJob(new JobKey("due-timers"));
        await Task.Delay(1500);

        Assert.Equal(records, (await Http.GetAsync(reviewer, $"/v1/accounts/{account}/audit"))["records"]!.AsArray().Count);
        Assert.Equal("allow", (await Http.GetAsync(automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());
    }
}
