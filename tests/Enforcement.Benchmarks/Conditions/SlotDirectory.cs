using Enforcement.Policy;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// Finds the window slot the compiled conditions gave each aggregate, by what the aggregate measures, so that the
/// hand-written and RulesEngine versions read exactly the slots the compiled delegates read. Used in setup only:
/// the measured methods hold plain slot numbers.
/// </summary>
internal sealed class SlotDirectory
{
    private readonly SignalCatalog catalog;
    private readonly Dictionary<WindowRequest, int> slots = [];

    public SlotDirectory(ScopeProgram program, SignalCatalog catalog)
    {
        this.catalog = catalog;
        foreach (var policy in program.Policies)
        {
            foreach (var (call, slot) in policy.Condition.Slots)
                slots[policy.Condition.Source.Aggregates[call]] = slot;
        }
    }

    public int Count(string signal, TimeSpan window) => Find(new WindowRequest(AggregateKind.Count, window, Signal: Signal(signal)));

    public int Avg(string signal, TimeSpan window) => Find(new WindowRequest(AggregateKind.Avg, window, Signal: Signal(signal)));

    public int Share(string signal, string value, TimeSpan window)
    {
        var index = Signal(signal);
        return Find(new WindowRequest(AggregateKind.Share, window, Signal: index, Category: catalog.Signals[index].CategoryIndex(value)));
    }

    public int Distinct(string attribute, TimeSpan window) =>
        Find(new WindowRequest(AggregateKind.Distinct, window, Attribute: catalog.AttributeIndex(attribute)));

    private int Signal(string name) =>
        catalog.TryGetSignal(name, out var index, out _) ? index : throw new InvalidOperationException($"the catalog has no signal '{name}'");

    private int Find(WindowRequest request) =>
        slots.TryGetValue(request, out var slot) ? slot : throw new InvalidOperationException($"no condition of the program reads {request}");
}
