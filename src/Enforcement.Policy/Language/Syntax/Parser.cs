using System.Collections.Immutable;

namespace Enforcement.Policy.Language.Syntax;

/// <summary>
/// Parses the CEL subset of DESIGN section 4 by precedence climbing, lowest first:
/// <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, relations and <c>in</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>, calls and members.
/// It reports every problem it can and still returns a tree, with <see cref="Missing"/> where an operand was not found.
/// </summary>
public sealed class Parser
{
    private readonly List<Token> tokens;
    private readonly List<SyntaxProblem> problems = [];
    private int index;

    private Parser(string text)
    {
        var lexer = new Lexer(text);
        tokens = lexer.Tokenize();
        problems.AddRange(lexer.Problems.Select(p => new SyntaxProblem(p.Offset, p.Message)));
    }

    public static (Expr Root, IReadOnlyList<SyntaxProblem> Problems) Parse(string text)
    {
        var parser = new Parser(text);
        if (parser.Current.Kind == TokenKind.End)
        {
            parser.problems.Add(new SyntaxProblem(0, "empty condition: expected an expression such as count(request, 1h) >= 200"));
            return (new Missing(0, 0), parser.problems);
        }
        var root = parser.ParseConditional();
        if (parser.Current.Kind != TokenKind.End)
            parser.problems.Add(new SyntaxProblem(parser.Current.Start, $"unexpected {parser.Current.Describe()}: expected an operator or the end of the condition"));
        var ordered = parser.problems.OrderBy(p => p.Offset).DistinctBy(p => p.Offset).ToList();
        return (root, ordered);
    }

    private Token Current => tokens[index];

    private Token Advance()
    {
        var token = tokens[index];
        if (index < tokens.Count - 1)
            index++;
        return token;
    }

    private bool Match(TokenKind kind)
    {
        if (Current.Kind != kind)
            return false;
        Advance();
        return true;
    }

    private Expr ParseConditional()
    {
        var test = ParseOr();
        if (!Match(TokenKind.Question))
            return test;
        var then = ParseConditional();
        Expect(TokenKind.Colon, "':' of the conditional");
        var otherwise = ParseConditional();
        return new Conditional(test.Start, otherwise.End, test, then, otherwise);
    }

    private Expr ParseOr() => ParseLeftAssociative(ParseAnd, static k => k == TokenKind.Or ? BinaryOp.Or : null);

    private Expr ParseAnd() => ParseLeftAssociative(ParseRelation, static k => k == TokenKind.And ? BinaryOp.And : null);

    private Expr ParseRelation() => ParseLeftAssociative(ParseAdditive, static k => k switch
    {
        TokenKind.Equal => BinaryOp.Equal,
        TokenKind.NotEqual => BinaryOp.NotEqual,
        TokenKind.Less => BinaryOp.Less,
        TokenKind.LessOrEqual => BinaryOp.LessOrEqual,
        TokenKind.Greater => BinaryOp.Greater,
        TokenKind.GreaterOrEqual => BinaryOp.GreaterOrEqual,
        TokenKind.In => BinaryOp.In,
        _ => null,
    });

    private Expr ParseAdditive() => ParseLeftAssociative(ParseMultiplicative, static k => k switch
    {
        TokenKind.Plus => BinaryOp.Add,
        TokenKind.Minus => BinaryOp.Subtract,
        _ => null,
    });

    private Expr ParseMultiplicative() => ParseLeftAssociative(ParseUnary, static k => k switch
    {
        TokenKind.Star => BinaryOp.Multiply,
        TokenKind.Slash => BinaryOp.Divide,
        TokenKind.Percent => BinaryOp.Remainder,
        _ => null,
    });

    private Expr ParseLeftAssociative(Func<Expr> operand, Func<TokenKind, BinaryOp?> operatorOf)
    {
        var left = operand();
        while (operatorOf(Current.Kind) is { } op)
        {
            var opStart = Advance().Start;
            var right = operand();
            left = new Binary(left.Start, right.End, op, opStart, left, right);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        var start = Current.Start;
        if (Match(TokenKind.Not))
        {
            var operand = ParseUnary();
            return new Unary(start, operand.End, UnaryOp.Not, operand);
        }
        if (Match(TokenKind.Minus))
        {
            var operand = ParseUnary();
            return new Unary(start, operand.End, UnaryOp.Negate, operand);
        }
        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            if (Current.Kind != TokenKind.Identifier)
            {
                problems.Add(new SyntaxProblem(Current.Start, $"unexpected {Current.Describe()}: expected a field name after '.'"));
                return expr;
            }
            var name = Advance();
            expr = new Member(expr.Start, name.End, expr, name.Text);
        }
        return expr;
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Start, token.End, token.Number);
            case TokenKind.Duration:
                Advance();
                return new DurationLiteral(token.Start, token.End, token.Duration);
            case TokenKind.Text:
                Advance();
                return new StringLiteral(token.Start, token.End, token.Text);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new BoolLiteral(token.Start, token.End, token.Kind == TokenKind.True);
            case TokenKind.Identifier:
                Advance();
                return Current.Kind == TokenKind.LeftParen ? ParseCall(token) : new Identifier(token.Start, token.End, token.Text);
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseConditional();
                var close = Expect(TokenKind.RightParen, "')'");
                return inner with { Start = token.Start, End = close ?? inner.End };
            }
            case TokenKind.LeftBracket:
                return ParseList();
            default:
                // Nothing is consumed: an operator or a closer found here still ends or continues the expression
                // around the gap, so one missing operand is reported once, not followed by a cascade.
                problems.Add(new SyntaxProblem(token.Start, $"unexpected {token.Describe()}: expected a value, a name or '('"));
                return new Missing(token.Start, token.Start);
        }
    }

    private FunctionCall ParseCall(Token name)
    {
        Advance();
        var args = ParseItems(TokenKind.RightParen, out var end);
        return new FunctionCall(name.Start, end, name.Text, name.End, args);
    }

    private ListLiteral ParseList()
    {
        var start = Advance().Start;
        var items = ParseItems(TokenKind.RightBracket, out var end);
        return new ListLiteral(start, end, items);
    }

    private ImmutableArray<Expr> ParseItems(TokenKind close, out int end)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != close)
        {
            do
            {
                items.Add(ParseConditional());
            }
            while (Match(TokenKind.Comma));
        }
        var closer = close == TokenKind.RightParen ? "')' or ','" : "']' or ','";
        end = Expect(close, closer) ?? Current.Start;
        return items.ToImmutable();
    }

    private int? Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
            return Advance().End;
        problems.Add(new SyntaxProblem(Current.Start, $"unexpected {Current.Describe()}: expected {what}"));
        return null;
    }
}
