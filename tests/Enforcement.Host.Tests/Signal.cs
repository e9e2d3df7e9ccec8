using System.Globalization;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary>Signals as a detector sends them.</summary>
public static class Signal
{
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static JsonObject Request(string id, string account, DateTimeOffset at, string ipPrefix = "203.0.113.0/24") => new()
    {
        ["id"] = id,
        ["account"] = account,
        ["type"] = "request",
        ["value"] = 1,
        ["at"] = Time(at),
        ["attrs"] = new JsonObject { ["ip_prefix"] = ipPrefix },
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static JsonObject Batch(params IEnumerable<JsonNode> signals) => new() { ["signals"] = new JsonArray([.. signals.Select(s => s.DeepClone())]) };

    /// <summary>A fresh name, so that tests sharing one host never share an account or an id.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Climbs the burst policy's ladder: three requests, then one more per rung after the cooldown.</summary>
    public static async Task ClimbAsync(HttpClient automation, string account, int rungs)
    {
        var at = Signal.Now.AddMinutes(-30);
        for (var rung = 0; rung < rungs; rung++)
        {
            var start = at.AddMinutes(rung * 2);
            var count = rung == 0 ? 3 : 1;
            var batch = Signal.Batch(Enumerable.Range(0, count).Select(i => Signal.Request($"{account}-{rung}-{i}", account, start.AddSeconds(i))));
            var answer = await Http.ExpectAsync(automation, "POST", "/v1/signals", 200, batch);
            Assert.Single(answer["decisions"]!.AsArray());
        }
    }
}
