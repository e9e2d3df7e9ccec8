using System.Collections.Immutable;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// Element-wise equality for the arrays inside the ladder's records: <see cref="ImmutableArray{T}"/> compares by
/// reference, and the runtime compares states to decide whether anything changed.
/// </summary>
internal static class ImmutableArrays
{
    public static bool ElementsEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        var a = left.IsDefault ? [] : left;
        var b = right.IsDefault ? [] : right;
        if (a.Length != b.Length)
            return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
                return false;
        }
        return true;
    }

    public static int ElementsHash<T>(ImmutableArray<T> array)
    {
        var hash = new HashCode();
        if (!array.IsDefault)
        {
            foreach (var item in array)
                hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> array) => array.IsDefault ? [] : array;
}
