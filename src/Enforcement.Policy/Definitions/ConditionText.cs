using System.Collections.Immutable;

namespace Enforcement.Policy.Definitions;

/// <summary>
/// The text of a <c>when</c> condition with the file position of every character, so that a problem found at an
/// offset of a folded YAML scalar is still reported at its line and column in the file.
/// </summary>
public sealed record ConditionText(string Text, string File, ImmutableArray<int> Lines, ImmutableArray<int> Columns)
{
    /// <summary>A condition whose characters all sit on one line, starting at <paramref name="line"/>:<paramref name="column"/>.</summary>
    public static ConditionText OnOneLine(string text, string file = "<expr>", int line = 1, int column = 1) =>
        new(text, file, [.. Enumerable.Repeat(line, text.Length)], [.. Enumerable.Range(column, text.Length)]);

    public SourceSpan At(int offset)
    {
        if (Text.Length == 0 || Lines.IsDefaultOrEmpty)
            return new SourceSpan(File, 1, 1);
        if (offset >= Text.Length)
        {
            // Past the end: one column after the last character, where an "expected ..." problem points.
            return new SourceSpan(File, Lines[^1], Columns[^1] + 1);
        }
        var i = Math.Max(0, offset);
        return new SourceSpan(File, Lines[i], Columns[i]);
    }
}
