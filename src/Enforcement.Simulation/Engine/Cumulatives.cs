using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>Cumulative weight tables for <see cref="SimRandom.Pick"/>, over a fixed list of values.</summary>
internal static class Cumulatives
{
    public static double[] Of(Mix mix, IReadOnlyList<string> values)
    {
        var table = new double[values.Count];
        var running = 0.0;
        var last = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var share = mix.Share(values[i]);
            running += share;
            table[i] = running;
            if (share > 0)
                last = i;
        }
        // Rounding must never let a draw fall past the last value with weight, onto one without.
        for (var i = last; i < table.Length; i++)
            table[i] = double.MaxValue;
        return table;
    }

    /// <summary>A value of the mix drawn from a unit number.</summary>
    public static string Pick(Mix mix, double unit)
    {
        var total = mix.Total;
        var running = 0.0;
        foreach (var entry in mix.Entries)
        {
            running += entry.Weight / total;
            if (unit < running)
                return entry.Value;
        }
        return mix.Entries[^1].Value;
    }
}
