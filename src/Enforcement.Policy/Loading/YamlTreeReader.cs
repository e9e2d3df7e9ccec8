using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Reads one file's YAML into located nodes. It reads YamlDotNet's parser events rather than its representation
/// model because the model gives up at the first duplicate key; here every duplicate is reported and reading goes on.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>Policy files are a few levels deep; this bound keeps hostile input from exhausting the stack.</summary>
    private const int MaxDepth = 64;

    /// <summary>Aliases share nodes, so a small file can stand for a huge tree; this bounds what the walkers visit.</summary>
    private const long MaxExpandedNodes = 100_000;

    private readonly string file;
    private readonly List<Diagnostic> errors;
    private readonly Dictionary<string, (SourceNode Node, long Weight)> anchors = new(StringComparer.Ordinal);
    private readonly Parser parser;
    private Mark lastEnd = Mark.Empty;

    private YamlTreeReader(string file, string text, List<Diagnostic> errors)
    {
        this.file = file;
        this.errors = errors;
        parser = new Parser(new StringReader(text));
    }

    /// <summary>The root of the file's one document, or null when there is none worth walking (errors say why).</summary>
    public static SourceNode? Read(string file, string text, List<Diagnostic> errors)
    {
        var reader = new YamlTreeReader(file, text, errors);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            errors.Add(YamlSyntaxErrors.Describe(file, text, e));
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet's scanner throws plain exceptions on some malformed input; user input must never crash the loader.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new Diagnostic(reader.Span(reader.lastEnd), YamlSyntaxErrors.Unreadable));
            return null;
        }
    }

    private SourceNode? ReadStream()
    {
        Next(); // onto StreamStart
        Next(); // onto the first DocumentStart, or StreamEnd when the file holds no document
        if (Accept<StreamEnd>())
        {
            errors.Add(new Diagnostic(new SourceSpan(file, 1, 1), "the file is empty: expected a mapping with apiVersion and kind"));
            return null;
        }
        Next(); // onto the root node
        var (root, weight) = ReadNode(depth: 0);
        Next(); // past DocumentEnd; whatever follows is not read, so errors in a second document do not pile up
        if (parser.Current is DocumentStart second)
            errors.Add(new Diagnostic(Span(second.Start), "a second YAML document: a file holds exactly one"));
        if (weight > MaxExpandedNodes)
        {
            errors.Add(new Diagnostic(root.At, $"the document expands through aliases to more than {MaxExpandedNodes} nodes"));
            return null;
        }
        return root;
    }

    private (SourceNode Node, long Weight) ReadNode(int depth)
    {
        switch (parser.Current)
        {
            case AnchorAlias alias:
                Next();
                if (anchors.TryGetValue(alias.Value.Value, out var anchored))
                    return anchored;
                errors.Add(new Diagnostic(Span(alias.Start), $"alias '*{alias.Value.Value}' refers to no anchor defined before it"));
                return (new ErrorNode(Span(alias.Start)), 1);
            case Scalar scalar:
                Next();
                return Anchor(scalar.Anchor, (ScalarFrom(scalar), 1));
            case SequenceStart start when depth < MaxDepth:
                Next();
                return Anchor(start.Anchor, ReadSequence(start, depth));
            case MappingStart start when depth < MaxDepth:
                Next();
                return Anchor(start.Anchor, ReadMapping(start, depth));
            case NodeEvent deep:
                errors.Add(new Diagnostic(Span(deep.Start), $"nested more than {MaxDepth} levels deep"));
                parser.SkipThisAndNestedEvents();
                return (new ErrorNode(Span(deep.Start)), 1);
            default:
                throw new InvalidOperationException($"unexpected YAML event {parser.Current}");
        }
    }

    private (SourceNode, long) ReadSequence(SequenceStart start, int depth)
    {
        var items = ImmutableArray.CreateBuilder<SourceNode>();
        long weight = 1;
        while (!Accept<SequenceEnd>())
        {
            var (item, itemWeight) = ReadNode(depth + 1);
            items.Add(item);
            weight = Add(weight, itemWeight);
        }
        Next();
        return (new SequenceNode(items.ToImmutable(), Span(start.Start)), weight);
    }

    private (SourceNode, long) ReadMapping(MappingStart start, int depth)
    {
        var entries = ImmutableArray.CreateBuilder<MappingEntry>();
        var keys = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        long weight = 1;
        while (!Accept<MappingEnd>())
        {
            var (key, keyWeight) = ReadNode(depth + 1);
            var (value, valueWeight) = ReadNode(depth + 1);
            weight = Add(weight, Add(keyWeight, valueWeight));
            if (key is ErrorNode)
                continue;
            if (key is not ScalarNode scalarKey)
            {
                errors.Add(new Diagnostic(key.At, $"a key must be a single value, not {key.Describe()}"));
                continue;
            }
            if (!keys.TryAdd(scalarKey.Value, scalarKey))
            {
                var first = keys[scalarKey.Value];
                errors.Add(new Diagnostic(scalarKey.At, $"duplicate key '{scalarKey.Value}': first given at line {first.At.Line}"));
                continue;
            }
            entries.Add(new MappingEntry(scalarKey, value));
        }
        Next();
        return (new MappingNode(entries.ToImmutable(), Span(start.Start)), weight);
    }

    private (SourceNode, long) Anchor(AnchorName anchor, (SourceNode, long) node)
    {
        // Registered only once the node is complete, so an alias can never point into its own anchor: no cycles.
        if (!anchor.IsEmpty)
            anchors[anchor.Value] = node;
        return node;
    }

    private ScalarNode ScalarFrom(Scalar scalar) =>
        new(scalar.Value, scalar.Style, Span(scalar.Start), (int)scalar.Start.Index, (int)scalar.End.Index);

    private SourceSpan Span(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private bool Accept<T>() where T : ParsingEvent => parser.Current is T;

    private void Next()
    {
        if (parser.Current is { } current)
            lastEnd = current.End;
        if (!parser.MoveNext())
            throw new InvalidOperationException("the YAML stream ended early");
    }

    private static long Add(long a, long b) => Math.Min(a + b, MaxExpandedNodes + 1);
}
