using System.Globalization;
using System.Text;

namespace Enforcement.Policy.Language.Syntax;

/// <summary>Splits a condition into tokens. Problems are collected with their offsets; lexing goes on past them.</summary>
public sealed class Lexer(string text)
{
    private readonly List<(int Offset, string Message)> problems = [];
    private int position;

    public IReadOnlyList<(int Offset, string Message)> Problems => problems;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
                return tokens;
        }
    }

    private Token Next()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
        if (position >= text.Length)
            return new Token(TokenKind.End, text.Length, text.Length, "");

        var start = position;
        var c = text[position];
        if (char.IsAsciiLetter(c) || c == '_')
            return Word(start);
        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])))
            return NumberOrDuration(start);
        if (c is '"' or '\'')
            return StringLiteral(start, c);

        position++;
        var next = position < text.Length ? text[position] : '\0';
        switch (c)
        {
            case '(': return Punct(TokenKind.LeftParen, start);
            case ')': return Punct(TokenKind.RightParen, start);
            case '[': return Punct(TokenKind.LeftBracket, start);
            case ']': return Punct(TokenKind.RightBracket, start);
            case ',': return Punct(TokenKind.Comma, start);
            case '.': return Punct(TokenKind.Dot, start);
            case '?': return Punct(TokenKind.Question, start);
            case ':': return Punct(TokenKind.Colon, start);
            case '+': return Punct(TokenKind.Plus, start);
            case '-': return Punct(TokenKind.Minus, start);
            case '*': return Punct(TokenKind.Star, start);
            case '/': return Punct(TokenKind.Slash, start);
            case '%': return Punct(TokenKind.Percent, start);
            case '&' when next == '&': position++; return Punct(TokenKind.And, start);
            case '|' when next == '|': position++; return Punct(TokenKind.Or, start);
            case '=' when next == '=': position++; return Punct(TokenKind.Equal, start);
            case '!' when next == '=': position++; return Punct(TokenKind.NotEqual, start);
            case '!': return Punct(TokenKind.Not, start);
            case '<' when next == '=': position++; return Punct(TokenKind.LessOrEqual, start);
            case '<': return Punct(TokenKind.Less, start);
            case '>' when next == '=': position++; return Punct(TokenKind.GreaterOrEqual, start);
            case '>': return Punct(TokenKind.Greater, start);
            case '&':
                problems.Add((start, "unexpected '&': expected '&&'"));
                return Punct(TokenKind.And, start);
            case '|':
                problems.Add((start, "unexpected '|': expected '||'"));
                return Punct(TokenKind.Or, start);
            case '=':
                problems.Add((start, "unexpected '=': expected '==' to compare"));
                return Punct(TokenKind.Equal, start);
            default:
                problems.Add((start, $"unexpected character '{c}'"));
                return Next();
        }
    }

    private Token Punct(TokenKind kind, int start) => new(kind, start, position, text[start..position]);

    private Token Word(int start)
    {
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            position++;
        var word = text[start..position];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, position, word);
    }

    private Token NumberOrDuration(int start)
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        var isInteger = true;
        if (position + 1 < text.Length && text[position] == '.' && char.IsAsciiDigit(text[position + 1]))
        {
            isInteger = false;
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
                position++;
        }
        if (position + 1 < text.Length && text[position] is 'e' or 'E'
            && (char.IsAsciiDigit(text[position + 1]) || (text[position + 1] is '+' or '-' && position + 2 < text.Length && char.IsAsciiDigit(text[position + 2]))))
        {
            isInteger = false;
            position += 2;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
                position++;
        }

        var digitsEnd = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            position++;
        var lexeme = text[start..position];
        if (position > digitsEnd)
        {
            if (isInteger && Policy.Duration.TryParse(lexeme, out var duration))
                return new Token(TokenKind.Duration, start, position, lexeme) { Duration = duration };
            problems.Add((start, $"'{lexeme}' is not a number or a duration: expected a number like 200 or 0.8, or a duration like 90s, 15m, 6h or 30d"));
            return new Token(TokenKind.Number, start, position, lexeme);
        }
        var value = double.Parse(lexeme, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, start, position, lexeme) { Number = value };
    }

    private Token StringLiteral(int start, char quote)
    {
        position++;
        var value = new StringBuilder();
        while (position < text.Length && text[position] != quote)
        {
            var c = text[position];
            if (c == '\\' && position + 1 < text.Length)
            {
                position++;
                var escaped = text[position];
                switch (escaped)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case '\\' or '"' or '\'': value.Append(escaped); break;
                    default:
                        problems.Add((position - 1, $"unknown escape '\\{escaped}': expected \\\\, \\\", \\', \\n or \\t"));
                        value.Append(escaped);
                        break;
                }
                position++;
                continue;
            }
            value.Append(c);
            position++;
        }
        if (position >= text.Length)
        {
            problems.Add((start, $"unterminated string: expected a closing {quote}"));
            return new Token(TokenKind.Text, start, position, value.ToString());
        }
        position++;
        return new Token(TokenKind.Text, start, position, value.ToString());
    }
}
