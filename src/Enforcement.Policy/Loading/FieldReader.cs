using System.Collections.Immutable;
using Enforcement.Policy.Language.Checking;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Reads the fields of one mapping and reports what the shape gets wrong: a missing required field (at the
/// mapping's start), a field of the wrong node type (at its value) and an unknown field (at its key).
/// </summary>
/// <param name="owner">Names the mapping in messages about its fields, such as "throttle"; null for a whole file or entry.</param>
internal sealed class FieldReader(MappingNode mapping, List<Diagnostic> errors, string? owner = null)
{
    /// <summary>Reports every key that is not one of <paramref name="fields"/>.</summary>
    public void RejectUnknown(ImmutableArray<string> fields)
    {
        foreach (var entry in mapping.Entries)
        {
            if (fields.Contains(entry.Key.Value, StringComparer.Ordinal))
                continue;
            var expected = fields.IsEmpty
                ? $"{owner} takes no fields"
                : $"expected one of {string.Join(", ", fields)}{Suggestions.DidYouMean(entry.Key.Value, fields)}";
            errors.Add(new Diagnostic(entry.Key.At, $"unknown field '{entry.Key.Value}': {expected}"));
        }
    }

    /// <summary>A field holding one value; an empty value reads as empty text, for validators to judge.</summary>
    public RawScalar? Scalar(string field, bool required = false) =>
        ScalarNodeOf(field, required) is { } node ? RawScalar.From(node) : null;

    /// <summary>A field holding one value, as its node, for callers that need more than its text.</summary>
    public ScalarNode? ScalarNodeOf(string field, bool required = false)
    {
        var value = Value(field, required);
        if (value is null or ScalarNode)
            return (ScalarNode?)value;
        errors.Add(new Diagnostic(value.At, $"'{field}' must be a single value, but is {value.Describe()}"));
        return null;
    }

    /// <summary>A field holding a list; an empty value counts as missing, which an optional list may be.</summary>
    public SequenceNode? List(string field, string expected, bool required = false) =>
        Collection<SequenceNode>(field, expected, required);

    public MappingNode? Mapping(string field, string expected, bool required = false) =>
        Collection<MappingNode>(field, expected, required);

    private T? Collection<T>(string field, string expected, bool required) where T : SourceNode
    {
        var value = Value(field, required);
        switch (value)
        {
            case null:
                return null;
            case T collection:
                return collection;
            case ScalarNode { IsNull: true } when !required:
                return null;
            default:
                errors.Add(new Diagnostic(value.At, $"'{field}' must be {expected}, but is {value.Describe()}"));
                return null;
        }
    }

    private SourceNode? Value(string field, bool required)
    {
        var entry = mapping.Find(field);
        if (entry is null && required)
            errors.Add(new Diagnostic(mapping.At, owner is null ? $"missing field '{field}'" : $"missing field '{field}' of {owner}"));
        return entry?.Value is ErrorNode ? null : entry?.Value;
    }
}
