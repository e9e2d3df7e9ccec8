using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Shared;

/// <summary>
/// Turns signals named as detectors send them into observations through <see cref="Observations.TryCreate"/>, the
/// service's own way in, so that the benchmarks feed windows exactly what production would.
/// </summary>
internal sealed class SignalWriter(SignalCatalog catalog, string account, long accountCreated)
{
    private readonly List<Observation> written = [];

    public IReadOnlyList<Observation> Written => written;

    /// <summary>
    /// One signal. The exchange's linkage keys are offered to every signal it yields, and each signal keeps those its
    /// catalog entry declares, as the gateway does (a <c>region_mismatch</c> carries no prompt template).
    /// </summary>
    public void Write(string type, long at, double value = 1, string? category = null, IReadOnlyDictionary<string, string>? exchange = null)
    {
        var definition = catalog.Find(type) ?? throw new InvalidOperationException($"the catalog has no signal '{type}'");
        Dictionary<string, string>? attrs = null;
        if (exchange is not null)
        {
            foreach (var (name, attrValue) in exchange)
            {
                if (definition.Attrs.Contains(name, StringComparer.Ordinal))
                    (attrs ??= new(StringComparer.Ordinal))[name] = attrValue;
            }
        }
        if (!Observations.TryCreate(catalog, type, value, category, account, accountCreated, at, attrs, out var observation, out var problem))
            throw new InvalidOperationException($"the benchmark wrote a signal the service would reject: {problem}");
        written.Add(observation);
    }
}
