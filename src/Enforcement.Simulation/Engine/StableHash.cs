namespace Enforcement.Simulation.Engine;

/// <summary>Hashes that stay the same across processes (unlike <see cref="string.GetHashCode()"/>), for seeding.</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the string's UTF-16 code units.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1) determined by the seed and the key: a draw that consumes no generator's stream.</summary>
    public static double Unit(long seed, string key, long n) =>
        (Mix((ulong)seed ^ Of(key) ^ Mix((ulong)n + 0x632BE59BD9B4E019UL)) >> 11) * (1.0 / (1UL << 53));
}
