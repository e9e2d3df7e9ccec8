using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests.Process;

/// <summary>The wire contract as a gateway or detector written by others calls it: plain JSON over HTTP.</summary>
public static class Wire
{
    public static JsonObject Request(string id, string account, DateTimeOffset at, string ipPrefix = "203.0.113.0/24") => new()
    {
        ["id"] = id,
        ["account"] = account,
        ["type"] = "request",
        ["value"] = 1,
        ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["attrs"] = new JsonObject { ["ip_prefix"] = ipPrefix },
    };

    public static JsonObject Batch(IEnumerable<JsonObject> signals) => new() { ["signals"] = new JsonArray([.. signals]) };

    public static async Task<JsonObject> PostSignalsAsync(HttpClient client, JsonObject batch)
    {
        using var response = await client.PostAsJsonAsync("/v1/signals", batch);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /v1/signals answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Every record of an account's audit timeline, following <c>next</c> page by page.</summary>
    public static async Task<List<JsonObject>> AuditOfAsync(HttpClient client, string account)
    {
        var records = new List<JsonObject>();
        string? after = null;
        while (true)
        {
            var page = await GetAsync(client, $"/v1/accounts/{account}/audit?limit=50{(after is null ? "" : "&after=" + after)}");
            var batch = page["records"]!.AsArray().Select(r => r!.AsObject()).ToList();
            records.AddRange(batch);
            if (batch.Count == 0 || page["next"] is null || page["next"]!.GetValueKind() == JsonValueKind.Null)
                return records;
            after = page["next"]!.ToString();
        }
    }

    public static async Task PutPoliciesAsync(HttpClient client, IReadOnlyDictionary<string, string> files)
    {
        var body = new JsonObject { ["files"] = new JsonObject([.. files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))]) };
        using var response = await client.PutAsJsonAsync("/v1/policies", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT /v1/policies answered {(int)response.StatusCode}: {text}");
    }
}
