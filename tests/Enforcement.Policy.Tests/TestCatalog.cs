using Enforcement.Policy;
using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Tests;

/// <summary>The catalog of DESIGN section 4, built in code so that language tests need no files.</summary>
public static class TestCatalog
{
    public static readonly SignalCatalog Default = new(
    [
        Signal("request", SignalKind.Count, ["ip_prefix", "proxy", "device", "prompt_template", "model"]),
        Signal("cot_elicitation", SignalKind.Score),
        Signal("capability", SignalKind.Category, values: ["chat", "reasoning", "coding", "tool_use", "vision", "other"]),
        Signal("output_tokens", SignalKind.Number),
        Signal("payment", SignalKind.Flag, ["payment"]),
        Signal("challenge_failed", SignalKind.Flag),
    ]);

    private static SignalDefinition Signal(string name, SignalKind kind, string[]? attrs = null, string[]? values = null) =>
        new(name, kind, [.. attrs ?? []], [.. values ?? []], new SourceSpan("signals.yaml", 1, 1));
}
