using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Windows;

/// <summary>
/// Collects the window aggregates the compiled conditions of one policy set and scope read, gives each a slot, and
/// builds the <see cref="WindowLayout"/> every subject of that scope shares.
/// </summary>
/// <param name="maxTrackedValues">
/// The most values one tracker remembers for <c>distinct</c>, <c>members</c> and <c>new_members</c>; see
/// <see cref="WindowLayout.MaxTrackedValues"/>.
/// </param>
public sealed class WindowLayoutBuilder(SignalCatalog catalog, int maxTrackedValues = WindowLayout.DefaultMaxTrackedValues)
{
    private readonly SignalCatalog catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    private readonly int maxTrackedValues = maxTrackedValues >= 1
        ? maxTrackedValues
        : throw new ArgumentOutOfRangeException(nameof(maxTrackedValues), maxTrackedValues, "At least one value must be tracked.");
    private readonly List<WindowRequest> slots = [];
    private readonly Dictionary<WindowRequest, int> slotOf = [];

    /// <summary>
    /// The slot of <paramref name="request"/>; an identical request gets the same slot. Requests come from a checked
    /// policy set, so one that names no signal, attribute or window of the catalog is a bug and throws.
    /// </summary>
    public int Add(WindowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problem(request) is { } problem)
            throw new ArgumentException($"{request} cannot be measured: {problem}.", nameof(request));
        if (slotOf.TryGetValue(request, out var slot))
            return slot;
        slot = slots.Count;
        slots.Add(request);
        slotOf.Add(request, slot);
        return slot;
    }

    /// <summary>The layout of the slots added so far; slots added afterwards do not change it.</summary>
    public WindowLayout Build() => LayoutPlanner.Plan(catalog, [.. slots], maxTrackedValues);

    private string? Problem(WindowRequest request)
    {
        if (!Resolution.TryGetWidth(request.Window, out _, out var windowProblem))
            return windowProblem;
        return request.Kind switch
        {
            AggregateKind.Count => SignalProblem(request, category: false),
            AggregateKind.Sum or AggregateKind.Avg or AggregateKind.Min or AggregateKind.Max =>
                SignalProblem(request, category: false)
                ?? (catalog.Signals[request.Signal].Kind == SignalKind.Category ? "a category signal has no numeric value" : null),
            AggregateKind.Share =>
                SignalProblem(request, category: true)
                ?? (catalog.Signals[request.Signal].Kind != SignalKind.Category ? "share needs a category signal" : null)
                ?? ((uint)request.Category >= (uint)catalog.Signals[request.Signal].Values.Length ? "the category index is not one of the signal's values" : null),
            AggregateKind.Distinct =>
                request.Signal != -1 || request.Category != -1 || request.Age != default ? "distinct takes only an attribute"
                : (uint)request.Attribute >= (uint)catalog.Attributes.Length ? "the attribute index is not in the catalog" : null,
            AggregateKind.Members =>
                request.Signal != -1 || request.Category != -1 || request.Attribute != -1 || request.Age != default ? "members takes only a window" : null,
            AggregateKind.NewMembers =>
                request.Signal != -1 || request.Category != -1 || request.Attribute != -1 ? "new_members takes only an age and a window"
                : request.Age <= TimeSpan.Zero ? "the age must be positive" : null,
            _ => "unknown aggregate",
        };
    }

    private string? SignalProblem(WindowRequest request, bool category)
    {
        if ((uint)request.Signal >= (uint)catalog.Signals.Length)
            return "the signal index is not in the catalog";
        if (request.Attribute != -1 || request.Age != default || (!category && request.Category != -1))
            return $"{request.Kind.ToString().ToLowerInvariant()} takes only a signal{(category ? ", a category" : "")} and a window";
        return null;
    }
}
