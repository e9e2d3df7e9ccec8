using System.Text.Json.Nodes;
using Enforcement.Host.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Tests;

/// <summary>
/// The outbox pushing enforcement changes to a real receiving server, from a real host: at least once, in the feed's
/// order, each change with its idempotency key, retried after failures, resumed after a restart.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("enforcement-outbox-").FullName;

    [Fact]
    public async Task A_throttled_account_reaches_the_receiver_with_its_state_and_idempotency_key()
    {
        await using var receiver = await OutboxReceiver.StartAsync();
        await using var host = await OutboxHost.StartAsync(dataDir, receiver.Url);
        var account = Signal.Unique("outbox");

        await Signal.ClimbAsync(host.Automation, account, rungs: 1);

        var post = Assert.Single(await receiver.WaitAsync(p => p.Count > 0, "a post"));
        var feed = Assert.Single((await Http.GetAsync(host.Automation, "/v1/enforcement/changes"))["changes"]!.AsArray())!;
        var change = Assert.Single(post.Changes);
        Assert.Equal(200, post.Status);
        Assert.Equal("application/json", post.ContentType?.Split(';')[0]);
        Assert.Equal(account, change["account"]!.ToString());
        Assert.Equal("throttle", change["state"]!.ToString());
        Assert.Equal($"{account}:{feed["version"]}", change["idempotencyKey"]!.ToString());
        Assert.Equal($"changes-{feed["cursor"]}-{feed["cursor"]}", post.Key);
        Assert.True(JsonNode.DeepEquals(feed["enforcement"], change["enforcement"]), $"{change["enforcement"]} is not the feed's {feed["enforcement"]}");
        Assert.Equal("throttle", change["enforcement"]!["state"]!.ToString());
        Assert.Equal(20, (int)change["enforcement"]!["rpm"]!);
        foreach (var field in new[] { "cursor", "at", "version" })
            Assert.Equal(feed[field]!.ToJsonString(), change[field]!.ToJsonString());
        Assert.Equal(long.Parse(feed["cursor"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), await host.WaitForPositionAsync(post.Cursors[0]));
    }

    [Fact]
    public async Task An_overturn_reaches_the_receiver_as_the_account_allowed_again()
    {
        await using var receiver = await OutboxReceiver.StartAsync();
        await using var host = await OutboxHost.StartAsync(dataDir, receiver.Url);
        var account = Signal.Unique("overturned");
        await Signal.ClimbAsync(host.Automation, account, rungs: 3);
        await receiver.WaitAsync(p => p.SelectMany(x => x.Changes).Count(c => c["account"]!.ToString() == account) == 3, "the climb");

        var opened = await Http.ExpectAsync(host.Automation, "POST", "/v1/appeals", 201, new JsonObject { ["account"] = account, ["statement"] = "Not me." });
        await Http.ExpectAsync(host.Reviewer, "POST", $"/v1/cases/{opened["id"]}/decision", 200, new JsonObject { ["outcome"] = "overturn", ["note"] = "Wrongly suspended." });

        var posts = await receiver.WaitAsync(p => p.SelectMany(x => x.Changes).Count(c => c["account"]!.ToString() == account) == 4, "the overturn");
        var last = posts.SelectMany(p => p.Changes).Last(c => c["account"]!.ToString() == account);
        Assert.Equal("allow", last["state"]!.ToString());
        Assert.Equal($"{account}:4", last["idempotencyKey"]!.ToString());
        Assert.Empty(last["enforcement"]!["reasons"]!.AsArray());
    }

    [Fact]
    public async Task A_receiver_failing_at_first_still_gets_every_change_in_order_and_the_position_waits_for_its_2xx()
    {
        await using var receiver = await OutboxReceiver.StartAsync(failing: true);
        await using var host = await OutboxHost.StartAsync(dataDir, receiver.Url);
        foreach (var account in new[] { Signal.Unique("retry-a"), Signal.Unique("retry-b") })
            await Signal.ClimbAsync(host.Automation, account, rungs: 3);
        var feed = (await host.Store.ReadChangesAsync(0, 1000)).Select(c => c.Cursor).ToList();

        await receiver.WaitAsync(p => p.Count >= 3, "three posts");
        Assert.Equal(0, await host.Store.ReadPositionAsync(host.Destination));
        receiver.Failing = false;
        await host.WaitForPositionAsync(feed[^1]);

        var posts = receiver.Posts;
        var failed = posts.Where(p => !p.Answered2xx).ToList();
        var answered = posts.Where(p => p.Answered2xx).ToList();
        Assert.Equal(6, feed.Count);
        Assert.True(failed.Count >= 3);
        Assert.All(failed, p => Assert.Equal(503, p.Status));
        // A failed batch goes again as it was until it is taken: same changes, same key.
        Assert.All(failed, p => Assert.Equal(answered[0].Key, p.Key));
        Assert.All(failed, p => Assert.Equal(answered[0].Cursors, p.Cursors));
        Assert.Equal(feed, answered.SelectMany(p => p.Cursors));
        Assert.Equal(feed, posts.SelectMany(p => p.Cursors).Distinct());
        Assert.Equal(feed[^1], await host.Store.ReadPositionAsync(host.Destination));
        Assert.Equal(failed.Count, await host.CounterAsync("enforcement_outbox_failures_total"));
        Assert.Equal(feed.Count, await host.CounterAsync("enforcement_outbox_delivered_total"));
    }

    [Fact]
    public async Task A_new_host_on_the_same_data_folder_resumes_after_the_durable_position()
    {
        await using var receiver = await OutboxReceiver.StartAsync();
        long stopped;
        await using (var first = await OutboxHost.StartAsync(dataDir, receiver.Url))
        {
            await Signal.ClimbAsync(first.Automation, Signal.Unique("before"), rungs: 2);
            stopped = await first.WaitForPositionAsync((await first.Store.ReadChangesAsync(0, 1000))[^1].Cursor);
        }
        var postsBefore = receiver.Posts.Count;

        await using var second = await OutboxHost.StartAsync(dataDir, receiver.Url);
        Assert.Equal(stopped, await second.Store.ReadPositionAsync(second.Destination));
        await Signal.ClimbAsync(second.Automation, Signal.Unique("after"), rungs: 2);
        var feed = (await second.Store.ReadChangesAsync(0, 1000)).Select(c => c.Cursor).ToList();
        await second.WaitForPositionAsync(feed[^1]);

        var resumed = receiver.Posts.Skip(postsBefore).SelectMany(p => p.Cursors).ToList();
        Assert.Equal(4, feed.Count);
        Assert.NotEmpty(resumed);
        Assert.All(resumed, cursor => Assert.True(cursor > stopped, $"cursor {cursor} was delivered before the restart (position {stopped})"));
        Assert.Equal(feed, receiver.Posts.SelectMany(p => p.Cursors).Distinct());
        Assert.Equal(feed[^1], await second.Store.ReadPositionAsync(second.Destination));
    }

    [Fact]
    public async Task A_receiver_not_listening_yet_moves_nothing_and_gets_everything_once_it_listens()
    {
        var port = TestMachine.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/changes");
        await using var host = await OutboxHost.StartAsync(dataDir, url);
        await Signal.ClimbAsync(host.Automation, Signal.Unique("refused"), rungs: 2);
        var feed = (await host.Store.ReadChangesAsync(0, 1000)).Select(c => c.Cursor).ToList();

        await WaitForAsync(async () => await host.CounterAsync("enforcement_outbox_failures_total") >= 2, "two refused connections");
        Assert.Equal(0, await host.Store.ReadPositionAsync(host.Destination));
        await using var receiver = await OutboxReceiver.StartAsync(port: port);
        await host.WaitForPositionAsync(feed[^1]);

        Assert.Equal(feed, receiver.Posts.SelectMany(p => p.Cursors));
    }

    [Fact]
    public async Task A_receiver_answering_after_the_timeout_gets_the_batch_again_until_it_answers_in_time()
    {
        await using var receiver = await OutboxReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(1);
        await using var host = await OutboxHost.StartAsync(dataDir, receiver.Url, timeout: "00:00:00.200");
        await Signal.ClimbAsync(host.Automation, Signal.Unique("slow"), rungs: 1);
        var feed = (await host.Store.ReadChangesAsync(0, 1000)).Select(c => c.Cursor).ToList();

        await receiver.WaitAsync(p => p.Count >= 2, "two posts");
        Assert.Equal(0, await host.Store.ReadPositionAsync(host.Destination));
        receiver.Delay = TimeSpan.Zero;
        await host.WaitForPositionAsync(feed[^1]);

        // The receiver got the change each time; only the answer came too late: at least once, not exactly once.
        var posts = receiver.Posts;
        Assert.True(posts.Count >= 3);
        Assert.All(posts, p => Assert.Equal(feed, p.Cursors));
        Assert.Equal(posts.Count - 1, await host.CounterAsync("enforcement_outbox_failures_total"));
    }

    [Fact]
    public async Task Without_a_url_the_host_has_no_outbox()
    {
        await using var app = EnforcementHost.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Enforcement:DataDir"] = dataDir,
        }));

        Assert.Null(app.Services.GetService<OutboxDelivery>());
        Assert.Null(app.Services.GetService<OutboxJob>());
    }

    [Theory]
    [InlineData("changes.example/v1")]
    [InlineData("ftp://changes.example/v1")]
    public async Task A_host_configured_with_an_outbox_url_that_is_not_http_does_not_start(string url)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Enforcement:DataDir"] = dataDir,
                ["Enforcement:Outbox:Url"] = url,
            }));
            await app.StartAsync();
        });

        Assert.Contains("Outbox.Url", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDir, "enforcement.db")));
    }

    [Fact]
    public void The_destination_leaves_out_credentials_query_and_fragment()
    {
        Assert.Equal(
            "https://gateway.example:8443/v1/changes",
            OutboxDelivery.DestinationOf(new Uri("https://svc:secret@gateway.example:8443/v1/changes?token=abc#top")));
    }

    [Fact]
    public void Backoff_doubles_from_one_second_up_to_the_cap()
    {
        var backoff = new OutboxBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        var waits = Enumerable.Range(1, 12).Select(failures => backoff.After(failures, draw: 0)).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], waits.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.After(10_000, draw: 0));
    }

    [Fact]
    public void Jitter_shortens_a_wait_by_at_most_a_fifth()
    {
        var backoff = new OutboxBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(4), backoff.After(3, draw: 0));
        Assert.Equal(TimeSpan.FromSeconds(3.6), backoff.After(3, draw: 0.5));
        Assert.InRange(backoff.After(3, draw: 0.999_999), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(3.21));
        Assert.InRange(backoff.After(20, draw: 0.999_999), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await done())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"No {what} within 10 s.");
    }

    public void Dispose()
    {
        TestMachine.DeleteFolder(dataDir);
    }
}
