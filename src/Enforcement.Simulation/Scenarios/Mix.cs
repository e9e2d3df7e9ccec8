using System.Collections.Immutable;

namespace Enforcement.Simulation.Scenarios;

/// <summary>Values with weights, such as a capability mix; weights are normalised when drawn.</summary>
public sealed record Mix(ImmutableArray<MixEntry> Entries)
{
    public static Mix Of(params (string Value, double Weight)[] entries) =>
        new([.. entries.Select(e => new MixEntry(e.Value, e.Weight))]);

    public double Total => Entries.Sum(e => e.Weight);

    /// <summary>The normalised weight of <paramref name="value"/>; 0 when absent.</summary>
    public double Share(string value)
    {
        var total = Total;
        return total <= 0 ? 0 : Entries.Where(e => e.Value == value).Sum(e => e.Weight) / total;
    }
}

public sealed record MixEntry(string Value, double Weight);
