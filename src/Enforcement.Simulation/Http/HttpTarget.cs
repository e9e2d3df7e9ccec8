using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Http;

/// <summary>
/// A running service, driven over its HTTP API with an <c>automation</c> key: profiles by
/// <c>PUT /v1/accounts/{id}/profile</c>, signals by <c>POST /v1/signals</c>, the gateway's copy of enforcement by
/// following <c>GET /v1/enforcement/changes</c> (each change carries the account's enforcement; when one does not,
/// <c>GET /v1/accounts/{id}/enforcement</c> is read), and challenge outcomes by <c>POST /v1/accounts/{id}/challenge</c>.
/// </summary>
/// <remarks>
/// A running service keeps its own clock, so <see cref="AdvanceAsync"/> does nothing: the scenario is shifted to end at
/// the server's now (<see cref="StartEndingAtServerNowAsync"/>), its signals carry their simulated times, and the
/// service judges them on that event time. It only takes signals younger than its <c>Enforcement:MaxSignalAge</c>
/// (7 days by default), so a scenario must span less than that. Timers (expiry, decay, delayed actions) run on the
/// server's clock, so over HTTP they fall due as soon as the server next looks rather than at their simulated time.
/// Use a fresh data folder: account and signal ids are the same from run to run.
/// </remarks>
public sealed class HttpTarget : ISimulationTarget
{
    /// <summary>Changes per page of the feed: the most the service gives.</summary>
    public const int ChangesPage = 1000;

    /// <summary>Profiles sent at once.</summary>
    private const int ProfileParallelism = 8;

    private readonly HttpClient http;
    private readonly bool ownsClient;
    private string? cursor;

    /// <param name="http">A client whose base address is the service and which sends the API key.</param>
    public HttpTarget(HttpClient http, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
        this.ownsClient = ownsClient;
    }

    public static HttpTarget Create(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new HttpTarget(http, ownsClient: true);
    }

    /// <summary>The server's clock, from the <c>Date</c> of its answer to <c>/health/live</c>.</summary>
    public async Task<DateTimeOffset> ServerTimeAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("health/live", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return response.Headers.Date
            ?? throw new SimulationException($"{http.BaseAddress}health/live answered without a Date header: the server's clock cannot be read");
    }

    /// <summary>
    /// Where a scenario of <paramref name="duration"/> must start to end at the server's now; refuses one that would
    /// send signals older than the service takes.
    /// </summary>
    /// <param name="margin">Time the run itself takes, during which the earliest signals keep ageing.</param>
    public async Task<DateTimeOffset> StartEndingAtServerNowAsync(TimeSpan duration, TimeSpan maxSignalAge, TimeSpan margin, CancellationToken cancellationToken)
    {
        if (duration + margin > maxSignalAge)
        {
            throw new SimulationException(
                $"the scenario spans {ScenarioDurations.Format(duration)}, and a running service takes signals at most {ScenarioDurations.Format(maxSignalAge)} old " +
                $"(Enforcement:MaxSignalAge), with {ScenarioDurations.Format(margin)} kept for the run itself: shorten its duration, or run it in-process");
        }
        var now = await ServerTimeAsync(cancellationToken).ConfigureAwait(false);
        return now - duration;
    }

    public async Task UpdateProfilesAsync(IReadOnlyList<SimProfile> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        await Parallel.ForEachAsync(profiles, new ParallelOptions { MaxDegreeOfParallelism = ProfileParallelism, CancellationToken = cancellationToken }, async (profile, ct) =>
        {
            using var content = Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("created", profile.Created.ToUniversalTime());
                if (profile.Tier is not null)
                    writer.WriteString("tier", profile.Tier);
                if (profile.Region is not null)
                    writer.WriteString("region", profile.Region);
                if (profile.Verified is { } verified)
                    writer.WriteBoolean("verified", verified);
                writer.WriteEndObject();
            });
            using var response = await http.PutAsync(AccountPath(profile.Account, "/profile"), content, ct).ConfigureAwait(false);
            await EnsureAsync(response, "PUT", $"/v1/accounts/{profile.Account}/profile", ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public async Task<SendResult> SendAsync(IReadOnlyList<SimSignal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        using var content = Json(writer => WriteSignals(writer, signals));
        using var response = await http.PostAsync(new Uri("v1/signals", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "POST", "/v1/signals", cancellationToken).ConfigureAwait(false);
        using var answer = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var root = answer.RootElement;
        var rejected = root.TryGetProperty("rejected", out var r) && r.ValueKind == JsonValueKind.Array ? r : default;
        var count = rejected.ValueKind == JsonValueKind.Array ? rejected.GetArrayLength() : 0;
        string? first = null;
        if (count > 0)
        {
            var item = rejected[0];
            first = $"signal {Text(item, "id")} (#{Text(item, "index")}): {Text(item, "reason")}";
        }
        return new SendResult(root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), count, first);
    }

    /// <summary>Nothing to do: a running service keeps its own clock (see the remarks on this class).</summary>
    public Task AdvanceAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<SimStateChange>> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var changes = new List<SimStateChange>();
        while (true)
        {
            var query = cursor is null ? $"v1/enforcement/changes?limit={ChangesPage}" : $"v1/enforcement/changes?limit={ChangesPage}&after={Uri.EscapeDataString(cursor)}";
            using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, "GET", "/v1/enforcement/changes", cancellationToken).ConfigureAwait(false);
            using var answer = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            var page = answer.RootElement.GetProperty("changes");
            foreach (var change in page.EnumerateArray())
                changes.Add(await ChangeAsync(change, cancellationToken).ConfigureAwait(false));
            cursor = answer.RootElement.GetProperty("next").GetString();
            if (page.GetArrayLength() < ChangesPage)
                return changes;
        }
    }

    public async Task ReportChallengeAsync(string account, string id, bool passed, string? kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var content = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteBoolean("passed", passed);
            if (kind is not null)
                writer.WriteString("kind", kind);
            writer.WriteString("at", at.ToUniversalTime());
            writer.WriteEndObject();
        });
        using var response = await http.PostAsync(AccountPath(account, "/challenge"), content, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "POST", $"/v1/accounts/{account}/challenge", cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        if (ownsClient)
            http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SimStateChange> ChangeAsync(JsonElement change, CancellationToken cancellationToken)
    {
        var account = change.GetProperty("account").GetString()!;
        var at = change.GetProperty("at").GetDateTimeOffset();
        if (change.TryGetProperty("enforcement", out var enforcement) && enforcement.ValueKind == JsonValueKind.Object)
            return FromEnforcement(account, enforcement, at);
        using var response = await http.GetAsync(AccountPath(account, "/enforcement"), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "GET", $"/v1/accounts/{account}/enforcement", cancellationToken).ConfigureAwait(false);
        using var answer = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return FromEnforcement(account, answer.RootElement, at);
    }

    private static SimStateChange FromEnforcement(string account, JsonElement enforcement, DateTimeOffset at) => new(
        account,
        enforcement.GetProperty("state").GetString()!,
        enforcement.TryGetProperty("rpm", out var rpm) && rpm.ValueKind == JsonValueKind.Number ? rpm.GetInt32() : null,
        enforcement.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String ? challenge.GetString() : null,
        at);

    private static void WriteSignals(Utf8JsonWriter writer, IReadOnlyList<SimSignal> signals)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("signals");
        foreach (var signal in signals)
        {
            writer.WriteStartObject();
            writer.WriteString("id", signal.Id);
            writer.WriteString("account", signal.Account);
            writer.WriteString("type", signal.Type);
            if (signal.Category is not null)
                writer.WriteString("value", signal.Category);
            else
                writer.WriteNumber("value", signal.Value);
            writer.WriteString("at", signal.At.ToUniversalTime());
            if (signal.Attrs is { Count: > 0 } attrs)
            {
                writer.WriteStartObject("attrs");
                foreach (var (key, value) in attrs)
                    writer.WriteString(key, value);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ByteArrayContent Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static Uri AccountPath(string account, string rest) =>
        new($"v1/accounts/{Uri.EscapeDataString(account)}{rest}", UriKind.Relative);

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (is --api-key an automation key of this service?)",
            HttpStatusCode.Forbidden => " (the key's role is not automation)",
            _ => "",
        };
        throw new SimulationException($"{method} {path} answered {(int)response.StatusCode} {response.StatusCode}{hint}: {Truncate(body)}");
    }

    private static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? value.ToString() : "?";

    private static string Truncate(string text) => text.Length <= 500 ? text : string.Concat(text.AsSpan(0, 500), "…");
}
