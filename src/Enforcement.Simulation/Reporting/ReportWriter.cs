using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enforcement.Simulation.Reporting;

/// <summary>Writes a report for machines (JSON) and for people (one self-contained HTML page).</summary>
public static class ReportWriter
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(SimulationReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static SimulationReport FromJson(string json) =>
        JsonSerializer.Deserialize<SimulationReport>(json, JsonOptions) ?? throw new JsonException("The document holds no report.");

    public static async Task WriteJsonAsync(SimulationReport report, string path, CancellationToken cancellationToken)
    {
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
            await JsonSerializer.SerializeAsync(stream, report, JsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public static string ToHtml(SimulationReport report) => HtmlReport.Render(report);

    public static Task WriteHtmlAsync(SimulationReport report, string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, ToHtml(report), cancellationToken);
}
