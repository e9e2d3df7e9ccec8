using System.Text;
using System.Text.Json.Nodes;

namespace Enforcement.Console.Tests;

/// <summary>The API as the support desk or another reviewer calls it beside the browser: plain JSON over HTTP.</summary>
public static class Api
{
    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, "GET", path);
    }

    public static async Task<JsonNode> PostAsync(HttpClient client, string path, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response, "POST", path);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string method, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
