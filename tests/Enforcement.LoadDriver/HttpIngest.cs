using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Enforcement.Runtime.Signals;

namespace Enforcement.LoadDriver;

/// <summary>Signals per second through <c>POST /v1/signals</c> over loopback; bodies are made before the clock starts.</summary>
public static class HttpIngest
{
    public static async Task<double> RunAsync(HttpClient client, Workload workload, int firstBatch, int batches, int batchSize, int inFlight)
    {
        var bodies = Enumerable.Range(firstBatch, batches).Select(b => Body(workload.Batch(b, batchSize))).ToList();
        var gate = new SemaphoreSlim(inFlight);
        var stopwatch = Stopwatch.StartNew();
        var tasks = new List<Task>(batches);
        foreach (var body in bodies)
        {
            await gate.WaitAsync();
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await client.PostAsync("/v1/signals", content);
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"POST /v1/signals answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    using var answer = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                    if (answer.RootElement.GetProperty("rejected").GetArrayLength() != 0)
                        throw new InvalidOperationException($"signals rejected: {answer.RootElement.GetProperty("rejected")[0]}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return (double)batches * batchSize / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>The wire contract's batch: <c>{"signals": [{id, account, type, value, at, attrs}]}</c>.</summary>
    public static byte[] Body(SignalInput[] signals)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("signals");
            foreach (var signal in signals)
            {
                json.WriteStartObject();
                json.WriteString("id", signal.Id);
                json.WriteString("account", signal.Account);
                json.WriteString("type", signal.Type);
                if (signal.Category is { } category)
                    json.WriteString("value", category);
                else
                    json.WriteNumber("value", signal.Value);
                json.WriteString("at", signal.At);
                if (signal.Attrs is { } attrs)
                {
                    json.WriteStartObject("attrs");
                    foreach (var (name, value) in attrs)
                        json.WriteString(name, value);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
