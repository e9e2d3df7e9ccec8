namespace Enforcement.Policy.Windows;

/// <summary>
/// FNV-1a, 64 bits, over a value's UTF-16 code units (low byte first): what a distinct tracker remembers a value by.
/// Unlike <see cref="string.GetHashCode()"/> it is the same in every process, so a tracker written to a snapshot reads
/// back meaning the same values.
/// </summary>
internal static class ValueHash
{
    private const ulong Basis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string value)
    {
        var hash = Basis;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        return hash;
    }
}
