using System.Globalization;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary>Health, metrics and the OpenAPI document: what operators and callers read without a key.</summary>
[Collection(SharedHost.Name)]
public sealed class OperationsTests(HostFixture host)
{
    [Fact]
    public async Task Liveness_answers_without_a_key()
    {
        var health = await Http.GetAsync(host.Client(null), "/health/live");
        Assert.Equal("Healthy", health["status"]!.ToString());
    }

    [Fact]
    public async Task Readiness_answers_without_a_key_once_the_silo_the_store_and_a_policy_set_answer()
    {
        var health = await Http.GetAsync(host.Client(null), "/health/ready");
        Assert.Equal("Healthy", health["status"]!.ToString());
        Assert.Equal(["policies", "silo", "store"], health["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_without_a_key_and_count_requests()
    {
        using var client = host.Client(null);
        await Http.GetAsync(client, "/health/live");
        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE enforcement_signals_accepted_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE enforcement_signals_rejected_total counter", text, StringComparison.Ordinal);
        Assert.Contains("http_server_requests_total{method=\"GET\",route=\"/health/live\",status=\"200\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_the_store_writer_s_writes_and_flushes_and_the_entity_feed_s_calls()
    {
        using var anonymous = host.Client(null);
        using var automation = host.Client("automation");
        var before = await CounterAsync(anonymous, "enforcement_store_writes_total");
        var account = Signal.Unique("metrics");
        var signal = new JsonObject { ["id"] = account + "-1", ["account"] = account, ["type"] = "request", ["at"] = Signal.Time(Signal.Now.AddSeconds(-5)) };

        await Http.ExpectAsync(automation, "POST", "/v1/signals", 200, Signal.Batch(signal));

        // The ingest's commit is durable before its answer, so the writer has counted it by now.
        Assert.True(await CounterAsync(anonymous, "enforcement_store_writes_total") >= before + 1);
        Assert.True(await CounterAsync(anonymous, "enforcement_store_flushes_total") >= 1);
        var text = await anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("# TYPE enforcement_feed_entity_calls_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE enforcement_feed_cluster_map_calls_total counter", text, StringComparison.Ordinal);
    }

    private static async Task<double> CounterAsync(HttpClient client, string name)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_v1_path_with_the_bearer_scheme()
    {
        var document = await Http.GetAsync(host.Client(null), "/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "/v1/signals", "/v1/accounts/{id}/enforcement", "/v1/enforcement/changes", "/v1/accounts/{id}",
            "/v1/accounts/{id}/audit", "/v1/accounts/{id}/profile", "/v1/accounts/{id}/challenge", "/v1/policies",
            "/v1/policies/validate", "/v1/audit/digest", "/v1/audit/verify",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.ToString());
        var ingest = document["paths"]!["/v1/signals"]!["post"]!.AsObject();
        Assert.NotEmpty(ingest["security"]!.AsArray());
        Assert.Contains("automation", ingest["description"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(["200", "400", "401", "403", "413"], ingest["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
        var item = document["components"]!["schemas"]!["IngestSignals"]!["properties"]!["signals"]!["items"]!;
        Assert.Equal(["account", "id", "type"], item["required"]!.AsArray().Select(r => r!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["422"], document["paths"]!["/v1/policies"]!["put"]!["responses"]!.AsObject().Select(r => r.Key).Where(k => k == "422"));
    }

    [Fact]
    public async Task An_unknown_path_is_a_problem()
    {
        using var response = await host.Client("admin").GetAsync("/v1/nothing-here");
        await Http.ProblemAsync(response, 404);
    }

}
