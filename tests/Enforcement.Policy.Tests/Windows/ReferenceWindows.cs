using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Windows;

/// <summary>
/// The window semantics at their most naive: every raw observation is kept, and each aggregate is computed by
/// scanning them all with the bucket rule (a window of n buckets of width w read at <c>now</c> covers the buckets
/// <c>now/w - n + 1 .. now/w</c>). Slow and unbounded, and for that reason easy to believe.
/// </summary>
internal sealed class ReferenceWindows(SignalCatalog catalog)
{
    private readonly List<Observation> observations = [];

    public void Add(Observation observation) => observations.Add(observation);

    public double Read(WindowRequest request, long now)
    {
        Assert.True(Resolution.TryGetWidth(request.Window, out var width, out _));
        var w = width.Ticks;
        var n = request.Window.Ticks / w;
        var last = now / w;
        var first = last - n + 1;
        bool InWindow(Observation o) => o.At / w >= first && o.At / w <= last;

        var inWindow = observations.Where(InWindow).ToList();
        var ofSignal = inWindow.Where(o => o.Signal == request.Signal).ToList();
        var values = ofSignal.Select(o => o.Value).ToList();
        return request.Kind switch
        {
            AggregateKind.Count when catalog.Signals[request.Signal].Kind == SignalKind.Count => values.Sum(),
            AggregateKind.Count => ofSignal.Count,
            AggregateKind.Sum => values.Sum(),
            AggregateKind.Avg => values.Count == 0 ? double.NaN : values.Sum() / values.Count,
            AggregateKind.Min => values.Count == 0 ? double.NaN : values.Min(),
            AggregateKind.Max => values.Count == 0 ? double.NaN : values.Max(),
            AggregateKind.Share => ofSignal.Count == 0 ? 0 : (double)ofSignal.Count(o => o.Category == request.Category) / ofSignal.Count,
            AggregateKind.Distinct => inWindow
                .Select(o => o.Attributes is { } attrs && request.Attribute < attrs.Length ? attrs[request.Attribute] : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Count(),
            AggregateKind.Members => inWindow.Select(o => o.Account).Distinct(StringComparer.Ordinal).Count(),
            AggregateKind.NewMembers => observations
                .GroupBy(o => o.Account, StringComparer.Ordinal)
                .Select(account => account.MinBy(o => o.At))
                .Count(joined => InWindow(joined) && (joined.AccountCreated == 0 || joined.At - joined.AccountCreated < request.Age.Ticks)),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
    }
}
