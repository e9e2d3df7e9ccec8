using YamlDotNet.Core;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Turns YamlDotNet's parser messages ("While parsing a block mapping, did not find expected key.") into what an
/// author can act on, and puts tab errors on the tab itself rather than where the enclosing mapping starts.
/// </summary>
internal static class YamlSyntaxErrors
{
    public const string Prefix = "YAML syntax error: ";

    public const string Unreadable = Prefix + "cannot read past this point: look for an unclosed bracket or quote";

    public const string TabIndentation = "tab character in indentation: YAML indents with spaces";

    private static readonly (string Fragment, string Message)[] Rephrasings =
    [
        ("did not find expected ',' or ']'", "a '[' list is not closed: expected ',' or ']'"),
        ("did not find expected ',' or '}'", "a '{' mapping is not closed: expected ',' or '}'"),
        ("found invalid mapping", "unexpected ':' after a value: quote a value that contains ': ', or indent a nested mapping on its own line"),
        ("did not find expected key", "expected a key here, lined up with the keys above: check the indentation"),
        ("did not find expected '-' indicator", "expected a '- ' item here, lined up with the items above: check the indentation"),
        ("found unknown escape character", "unknown escape in a double-quoted value: write \\\\ for a backslash, or use single quotes"),
        ("found unexpected end of stream", "the file ends inside a quoted value: a closing quote is missing"),
        ("found wrong indentation", "a quoted value goes on with too little indentation: is a closing quote missing?"),
        ("did not find expected node content", "expected a value here"),
        ("could not find expected ':'", "expected ':' after a key"),
        ("did not find expected <document start>", "expected a new document after the content above"),
    ];

    public static Diagnostic Describe(string file, string text, YamlException error)
    {
        var at = new SourceSpan(file, (int)Math.Max(1, error.Start.Line), (int)Math.Max(1, error.Start.Column));
        var message = error.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            return new Diagnostic(FindIndentingTab(file, text, at) ?? at, TabIndentation);
        if (message.Contains("cannot start any token", StringComparison.Ordinal))
            return new Diagnostic(at, Prefix + $"{CharacterAt(text, error.Start.Index)} cannot start a plain value: put the value in quotes");
        foreach (var (fragment, rephrased) in Rephrasings)
        {
            if (message.Contains(fragment, StringComparison.Ordinal))
                return new Diagnostic(at, Prefix + rephrased);
        }
        return new Diagnostic(at, Prefix + Plain(message));
    }

    /// <summary>YamlDotNet reports some tab errors at the start of the enclosing mapping; the author needs the tab.</summary>
    private static SourceSpan? FindIndentingTab(string file, string text, SourceSpan from)
    {
        var lines = text.Split('\n');
        for (var i = from.Line - 1; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var column = 0; column < line.Length && line[column] is ' ' or '\t'; column++)
            {
                if (line[column] == '\t')
                    return new SourceSpan(file, i + 1, column + 1);
            }
        }
        return null;
    }

    private static string CharacterAt(string text, long index) =>
        index >= 0 && index < text.Length ? $"'{text[(int)index]}'" : "this character";

    /// <summary>"While scanning X, found Y." reads as "found Y".</summary>
    private static string Plain(string message)
    {
        var comma = message.StartsWith("While ", StringComparison.Ordinal) ? message.IndexOf(", ", StringComparison.Ordinal) : -1;
        var core = (comma >= 0 ? message[(comma + 2)..] : message).TrimEnd('.');
        return core.Length == 0 ? "the file is not valid YAML" : char.ToLowerInvariant(core[0]) + core[1..];
    }
}
