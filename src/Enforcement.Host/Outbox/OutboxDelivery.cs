using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text.Json;
using Enforcement.Host.Configuration;
using Enforcement.Host.Metrics;
using Enforcement.Store;
using Enforcement.Store.Changes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Outbox;

/// <summary>
/// Pushes the change feed to <c>Enforcement:Outbox:Url</c>: the changes after the destination's durable position, in
/// batches, each POST answered 2xx moving the position past it. Nothing else moves it, so that a failed POST, a
/// timeout or a crash before the position is written sends those changes again: at least once, never skipped.
/// Holds the retry state between runs of <see cref="OutboxJob"/>, which never overlap.
/// </summary>
public sealed partial class OutboxDelivery
{
    public const string HttpClientName = "outbox";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IEnforcementStore store;
    private readonly IHttpClientFactory clients;
    private readonly EnforcementMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger<OutboxDelivery> logger;
    private readonly Uri url;
    private readonly int batchSize;
    private readonly OutboxBackoff backoff;
    private readonly JsonSerializerOptions json;

    private int failures;
    private DateTimeOffset retryAt = DateTimeOffset.MinValue;

    // The batch that failed, sent again as it was (same changes, same key) until it is answered 2xx.
    private ImmutableArray<StoredChange> unanswered = [];

    public OutboxDelivery(
        IEnforcementStore store,
        IHttpClientFactory clients,
        EnforcementMetrics metrics,
        TimeProvider time,
        IOptions<EnforcementOptions> options,
        IOptions<JsonOptions> wire,
        ILogger<OutboxDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(wire);
        this.store = store;
        this.clients = clients;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
        var outbox = options.Value.Outbox;
        url = new Uri(outbox.Url, UriKind.Absolute);
        Destination = DestinationOf(url);
        batchSize = outbox.BatchSize;
        backoff = new OutboxBackoff(FirstBackoff, outbox.MaxBackoff);
        json = wire.Value.SerializerOptions;
    }

    /// <summary>
    /// Whose position this is: the URL without credentials, query or fragment, so that rotating a token in the URL
    /// does not send the whole feed again, and so that no secret lands in the database or the logs.
    /// </summary>
    public string Destination { get; }

    public static string DestinationOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.Scheme | UriComponents.HostAndPort | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <summary>
    /// Sends every change not yet delivered, a batch at a time, until the feed is drained or a POST fails; does nothing
    /// while a backoff runs. Answers how many changes were delivered.
    /// </summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < retryAt)
            return 0;

        var delivered = 0;
        var position = await store.ReadPositionAsync(Destination, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var changes = !unanswered.IsEmpty && unanswered[^1].Cursor > position
                ? unanswered
                : await store.ReadChangesAsync(position, batchSize, cancellationToken);
            if (changes.IsEmpty)
                break;

            if (!await PostAsync(changes, cancellationToken))
                break;

            // Not the run's token: once the receiver has them, recording so is worth finishing even while stopping.
            position = await store.AdvancePositionAsync(Destination, changes[^1].Cursor, CancellationToken.None);
            delivered += changes.Length;
            metrics.Delivered(changes.Length);
            if (changes.Length < batchSize)
                break;
        }

        return delivered;
    }

    private async Task<bool> PostAsync(ImmutableArray<StoredChange> changes, CancellationToken cancellationToken)
    {
        var key = OutboxBatch.KeyOf(changes);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("Idempotency-Key", key);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(OutboxBatch.From(changes), json));
        request.Content.Headers.ContentType = Json;

        string failure;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Answered(changes.Length, key);
                return true;
            }

            failure = $"answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            failure = e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "no answer within the timeout";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: not the receiver's failure, and the changes go again after the restart.
            return false;
        }

        Failed(changes, key, failure);
        return false;
    }

    private void Answered(int changes, string key)
    {
        if (failures > 0)
            LogRecovered(logger, Destination, key, changes, failures);
        failures = 0;
        retryAt = DateTimeOffset.MinValue;
        unanswered = [];
    }

    private void Failed(ImmutableArray<StoredChange> changes, string key, string failure)
    {
        failures++;
        var wait = backoff.After(failures, Random.Shared.NextDouble());
        retryAt = time.GetUtcNow() + wait;
        unanswered = changes;
        metrics.DeliveryFailed();
        LogFailed(logger, Destination, key, changes.Length, failure, failures, wait);
    }
}
