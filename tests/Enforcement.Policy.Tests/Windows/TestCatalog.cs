using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Windows;

/// <summary>A small fixed catalog with one signal of every kind, and helpers to speak about it tersely.</summary>
internal static class TestCatalog
{
    public static readonly SignalCatalog CatalogLite = new(
    [
        Signal("request", SignalKind.Count, ["ip_prefix", "proxy", "prompt_template"]),
        Signal("cot_elicitation", SignalKind.Score, ["prompt_template"]),
        Signal("output_tokens", SignalKind.Number, []),
        Signal("payment", SignalKind.Flag, ["payment"]),
        Signal("capability", SignalKind.Category, [], ["chat", "reasoning", "coding", "tool_use"]),
    ]);

    public static readonly int Request = Index("request");
    public static readonly int Cot = Index("cot_elicitation");
    public static readonly int Tokens = Index("output_tokens");
    public static readonly int Payment = Index("payment");
    public static readonly int Capability = Index("capability");

    public static readonly int IpPrefix = CatalogLite.AttributeIndex("ip_prefix");
    public static readonly int Proxy = CatalogLite.AttributeIndex("proxy");
    public static readonly int Template = CatalogLite.AttributeIndex("prompt_template");
    public static readonly int PaymentAttribute = CatalogLite.AttributeIndex("payment");

    public static readonly int Coding = CatalogLite.Signals[Capability].CategoryIndex("coding");
    public static readonly int Reasoning = CatalogLite.Signals[Capability].CategoryIndex("reasoning");

    /// <summary>An arbitrary but realistic origin: 2026-03-01T00:00:00Z, in ticks.</summary>
    public static readonly long T0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public static long At(TimeSpan sinceT0) => T0 + sinceT0.Ticks;

    public static Observation Observe(
        int signal,
        TimeSpan at,
        double value = 1,
        int category = -1,
        string account = "a-1",
        long accountCreated = 0,
        params (int Attribute, string Value)[] attributes)
    {
        string?[]? attrs = null;
        if (attributes.Length != 0)
        {
            attrs = new string?[CatalogLite.Attributes.Length];
            foreach (var (attribute, text) in attributes)
                attrs[attribute] = text;
        }
        return new Observation(signal, At(at), value, category, account, accountCreated, attrs);
    }

    private static int Index(string name) => CatalogLite.TryGetSignal(name, out var index, out _) ? index : throw new InvalidOperationException(name);

    private static SignalDefinition Signal(string name, SignalKind kind, string[] attrs, string[]? values = null) =>
        new(name, kind, [.. attrs], [.. values ?? []], SourceSpan.None);
}
