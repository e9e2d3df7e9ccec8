namespace Enforcement.Policy.Windows;

/// <summary>
/// Sizes of the objects a subject's windows allocate, as the 64-bit CoreCLR lays them out, so that
/// <see cref="SubjectWindows.AllocatedBytes"/> and <see cref="WindowLayout.BytesPerSubject"/> can be computed
/// without asking the GC. Tests compare these figures with what the GC actually allocated.
/// </summary>
internal static class Footprint
{
    /// <summary>Object header and method table pointer of every object.</summary>
    public const int ObjectHeader = 16;

    /// <summary>Object header, method table pointer and the length, padded to 8 bytes.</summary>
    public const int ArrayHeader = 24;

    public static long Longs(int length) => ArrayHeader + 8L * length;

    public static long References(int length) => ArrayHeader + 8L * length;

    /// <summary>A string: header, length, its UTF-16 characters and a terminating null, rounded up to 8 bytes.</summary>
    public static long String(int length) => Align(ObjectHeader + 4 + 2L * (length + 1));

    /// <summary>
    /// A <see cref="Dictionary{TKey,TValue}"/> with 8-byte keys (a string reference or a 64-bit hash): the object (five
    /// references, a 64-bit multiplier and four counters), its bucket array of ints and its entry array, each entry a
    /// hash code, a next index, the key and the value.
    /// </summary>
    public static long Map(int capacity, int valueBytes)
    {
        const int dictionaryObject = ObjectHeader + 5 * 8 + 8 + 4 * 4;
        if (capacity == 0)
            return dictionaryObject;
        var entry = Align(4 + 4 + 8 + valueBytes);
        return dictionaryObject + Align(ArrayHeader + 4L * capacity) + ArrayHeader + entry * capacity;
    }

    public static long Align(long bytes) => (bytes + 7) & ~7L;
}
