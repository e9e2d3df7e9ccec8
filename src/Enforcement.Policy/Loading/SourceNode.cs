using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Enforcement.Policy.Loading;

/// <summary>A YAML node with the place it starts in its file.</summary>
internal abstract record SourceNode(SourceSpan At)
{
    /// <summary>How a message names what was found here, as in "must be a list, but is a mapping".</summary>
    public abstract string Describe();
}

/// <param name="Start">Character offset of the node's first character (the quote or block indicator included).</param>
/// <param name="End">Character offset just past the node.</param>
internal sealed record ScalarNode(string Value, ScalarStyle Style, SourceSpan At, int Start, int End) : SourceNode(At)
{
    /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>: YAML's null, which we read as "nothing written".</summary>
    public bool IsNull => Style is ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public override string Describe() => IsNull ? "empty" : "a single value";
}

internal sealed record SequenceNode(ImmutableArray<SourceNode> Items, SourceSpan At) : SourceNode(At)
{
    public override string Describe() => "a list";
}

internal sealed record MappingNode(ImmutableArray<MappingEntry> Entries, SourceSpan At) : SourceNode(At)
{
    public override string Describe() => "a mapping";

    public MappingEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                return entry;
        }
        return null;
    }
}

/// <summary>
/// Stands where a node could not be read (an alias to no anchor, nesting too deep). Its error is already reported,
/// so readers pass over it in silence rather than add "missing" or "empty" errors that say the same thing again.
/// </summary>
internal sealed record ErrorNode(SourceSpan At) : SourceNode(At)
{
    public override string Describe() => "unreadable";
}

/// <summary>One key and its value; keys are always scalars (the reader rejects any other).</summary>
internal sealed record MappingEntry(ScalarNode Key, SourceNode Value);
