using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using YamlDotNet.Core;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Gives every character of a <c>when</c> value the line and column it came from. YAML folds lines, strips
/// indentation and decodes quotes and escapes, so the value's characters are aligned greedily against the raw text
/// between the scalar's start and end: layout the value does not keep (indentation, line breaks, quotes) is skipped,
/// and a value space may stand for a raw line break.
/// </summary>
internal static class ConditionTextBuilder
{
    public static ConditionText Build(ScalarNode scalar, string text)
    {
        // Trailing line breaks and spaces mean nothing to a condition; without them "expected more after the end"
        // points just past its last visible character.
        var value = scalar.Value.TrimEnd();
        var lines = ImmutableArray.CreateBuilder<int>(value.Length);
        var columns = ImmutableArray.CreateBuilder<int>(value.Length);
        var end = Math.Min(scalar.End, text.Length);
        var cursor = new Cursor(text, scalar.Start, scalar.At.Line, scalar.At.Column);
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // The header line (indicator, chomping, a comment) holds no content.
            while (cursor.Index < end && text[cursor.Index] != '\n')
                cursor.Advance();
            cursor.Advance();
        }
        else if (scalar.IsQuoted)
        {
            cursor.Advance();
        }
        var last = cursor;
        var doubleQuoted = scalar.Style is ScalarStyle.DoubleQuoted;
        foreach (var character in value)
        {
            var match = Align(character, text, ref cursor, end, doubleQuoted) ?? last;
            lines.Add(match.Line);
            columns.Add(match.Column);
            last = match;
        }
        return new ConditionText(value, scalar.At.File, lines.MoveToImmutable(), columns.MoveToImmutable());
    }

    /// <summary>Where <paramref name="character"/> was written, moving the cursor past it; null when the raw text ran out.</summary>
    private static Cursor? Align(char character, string text, ref Cursor cursor, int end, bool doubleQuoted)
    {
        var probe = cursor;
        while (probe.Index < end)
        {
            var raw = text[probe.Index];
            if (doubleQuoted && raw == '\\')
            {
                if (probe.Index + 1 < end && text[probe.Index + 1] is '\n' or '\r')
                {
                    // An escaped line break joins the lines without producing a character.
                    probe.Advance();
                    continue;
                }
                var escape = probe;
                probe.Advance(EscapeLength(text, probe.Index, end));
                cursor = probe;
                return escape;
            }
            var isBreak = raw is '\n' or '\r';
            if (raw == character || (isBreak && character is ' ' or '\n'))
            {
                var match = probe;
                probe.Advance(raw == '\r' && probe.Index + 1 < end && text[probe.Index + 1] == '\n' ? 2 : 1);
                cursor = probe;
                return match;
            }
            if (isBreak || raw is ' ' or '\t' or '"' or '\'')
            {
                probe.Advance();
                continue;
            }
            // Content that does not match: take it anyway, so one surprise cannot push every later position out of place.
            var resync = probe;
            probe.Advance();
            cursor = probe;
            return resync;
        }
        return null;
    }

    private static int EscapeLength(string text, int backslash, int end)
    {
        var kind = backslash + 1 < end ? text[backslash + 1] : '\0';
        var length = kind switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 };
        return Math.Min(length, end - backslash);
    }

    /// <summary>A position in the raw text, counted the way YamlDotNet counts marks.</summary>
    private struct Cursor(string text, int index, int line, int column)
    {
        public int Index { get; private set; } = index;

        public int Line { get; private set; } = line;

        public int Column { get; private set; } = column;

        public void Advance(int count = 1)
        {
            for (var i = 0; i < count && Index < text.Length; i++)
            {
                var c = text[Index];
                var lineBreak = c == '\n' || (c == '\r' && (Index + 1 >= text.Length || text[Index + 1] != '\n'));
                Index++;
                if (lineBreak)
                {
                    Line++;
                    Column = 1;
                }
                else
                {
                    Column++;
                }
            }
        }
    }
}
