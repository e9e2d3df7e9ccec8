namespace Enforcement.Simulation.Engine;

/// <summary>
/// A small seeded generator (SplitMix64): the same seed gives the same numbers on every machine and .NET version,
/// which <see cref="System.Random"/> does not promise, and it costs one word per account.
/// </summary>
internal sealed class SimRandom(ulong seed)
{
    private ulong state = seed;

    public static SimRandom For(long seed, string stream) => new(StableHash.Mix((ulong)seed ^ StableHash.Of(stream)));

    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public int Next(int bound) => bound <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)bound);

    public bool Chance(double p) => p > 0 && NextDouble() < p;

    /// <summary>A waiting time of a Poisson process with <paramref name="rate"/> events per unit.</summary>
    public double Exponential(double rate) => -Math.Log(1 - NextDouble()) / rate;

    public double Normal(double mean, double sd)
    {
        var u1 = 1 - NextDouble();
        var u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>An index drawn with the weights of a cumulative table (last entry 1).</summary>
    public int Pick(double[] cumulative)
    {
        var u = NextDouble();
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
                return i;
        }
        return cumulative.Length - 1;
    }
}
