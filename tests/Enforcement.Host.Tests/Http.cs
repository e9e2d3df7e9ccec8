using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary>Plain JSON over HTTP, as a gateway written by others would send it.</summary>
public static class Http
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, JsonNode body) =>
        SendAsync(client, method, path, body.ToJsonString());

    /// <summary>Sends, asserts the status, and parses the body.</summary>
    public static async Task<JsonNode> ExpectAsync(HttpClient client, string method, string path, int status, JsonNode? body = null)
    {
        using var response = await SendAsync(client, method, path, body?.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {path} answered {(int)response.StatusCode}, not {status}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> GetAsync(HttpClient client, string path) => ExpectAsync(client, "GET", path, 200);

    /// <summary>Asserts an application/problem+json answer with the status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"answered {(int)response.StatusCode}, not {status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }

    public static JsonObject Json(object value) => JsonSerializer.SerializeToNode(value)!.AsObject();

    public static MediaTypeHeaderValue JsonType { get; } = new("application/json");
}
