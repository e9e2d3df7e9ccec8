using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcement.Host.Tests;

/// <summary>
/// A downstream system for the outbox to push to: its own Kestrel on a free loopback port that keeps every POST it
/// gets, answering 503 while <see cref="Failing"/> and 200 otherwise, after <see cref="Delay"/>.
/// </summary>
public sealed class OutboxReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<OutboxPost> posts = [];
    private volatile bool failing;
    private long delayTicks;

    private OutboxReceiver(bool failing, int port)
    {
        this.failing = failing;
        var builder = WebApplication.CreateSlimBuilder(["--urls", $"http://127.0.0.1:{port}"]);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/changes", ReceiveAsync);
    }

    public Uri Url { get; private set; } = null!;

    public bool Failing
    {
        get => failing;
        set => failing = value;
    }

    /// <summary>How long each answer waits: longer than the outbox's timeout makes every POST fail on its side.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    public IReadOnlyList<OutboxPost> Posts
    {
        get
        {
            lock (posts)
                return [.. posts];
        }
    }

    /// <param name="port">0 for any free port.</param>
    public static async Task<OutboxReceiver> StartAsync(bool failing = false, int port = 0)
    {
        var receiver = new OutboxReceiver(failing, port);
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/changes");
        return receiver;
    }

    /// <summary>Waits until the posts received so far satisfy <paramref name="done"/>, and returns them.</summary>
    public async Task<IReadOnlyList<OutboxPost>> WaitAsync(Func<IReadOnlyList<OutboxPost>, bool> done, string what)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var received = Posts;
            if (done(received))
                return received;
            await Task.Delay(50);
        }
        Assert.Fail($"The receiver did not get {what} within 10 s; it got {Posts.Count} post(s).");
        return [];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var status = failing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        lock (posts)
            posts.Add(new OutboxPost(request.Headers["Idempotency-Key"].ToString(), request.ContentType, status, body));
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        return Results.StatusCode(status);
    }
}

/// <summary>One POST as the receiver got it, and the status it answered.</summary>
public sealed record OutboxPost(string Key, string? ContentType, int Status, JsonObject Body)
{
    public IReadOnlyList<JsonObject> Changes => [.. Body["changes"]!.AsArray().Select(c => c!.AsObject())];

    public IReadOnlyList<long> Cursors => [.. Changes.Select(c => long.Parse(c["cursor"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture))];

    public bool Answered2xx => Status is >= 200 and < 300;
}
