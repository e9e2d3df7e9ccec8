using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>Shape checks for the items of a list, shared by every reader.</summary>
internal static class NodeLists
{
    /// <summary>The items that are single values; any other item is reported and left out.</summary>
    public static ImmutableArray<RawScalar> Scalars(SequenceNode? list, string field, List<Diagnostic> errors)
    {
        if (list is null)
            return [];
        var items = ImmutableArray.CreateBuilder<RawScalar>(list.Items.Length);
        foreach (var item in list.Items)
        {
            if (item is ScalarNode scalar)
                items.Add(RawScalar.From(scalar));
            else if (item is not ErrorNode)
                errors.Add(new Diagnostic(item.At, $"each item of '{field}' must be a single value, but this one is {item.Describe()}"));
        }
        return items.ToImmutable();
    }

    /// <summary>The items that are mappings, each read by <paramref name="read"/>; any other item is reported and left out.</summary>
    public static ImmutableArray<T> Mappings<T>(SequenceNode? list, string field, string expected, List<Diagnostic> errors, Func<MappingNode, T> read)
    {
        if (list is null)
            return [];
        var items = ImmutableArray.CreateBuilder<T>(list.Items.Length);
        foreach (var item in list.Items)
        {
            if (item is MappingNode mapping)
                items.Add(read(mapping));
            else if (item is not ErrorNode)
                errors.Add(new Diagnostic(item.At, $"each item of '{field}' must be {expected}, but this one is {item.Describe()}"));
        }
        return items.ToImmutable();
    }
}
