using System.Collections.Immutable;

namespace Enforcement.Policy.Language.Syntax;

/// <summary>
/// A node of a condition's syntax tree, with the offsets of its text in the condition. The checker and the
/// compiler annotate these nodes by identity; the tree itself never changes after parsing.
/// </summary>
public abstract record Expr(int Start, int End);

public sealed record BoolLiteral(int Start, int End, bool Value) : Expr(Start, End);

public sealed record NumberLiteral(int Start, int End, double Value) : Expr(Start, End);

public sealed record StringLiteral(int Start, int End, string Value) : Expr(Start, End);

public sealed record DurationLiteral(int Start, int End, TimeSpan Value) : Expr(Start, End);

public sealed record ListLiteral(int Start, int End, ImmutableArray<Expr> Items) : Expr(Start, End);

/// <summary>A bare name: a signal or attribute as the first argument of an aggregate, or the root of a field such as <c>account</c>.</summary>
public sealed record Identifier(int Start, int End, string Name) : Expr(Start, End);

/// <summary><c>target.name</c>, such as <c>account.age</c>.</summary>
public sealed record Member(int Start, int End, Expr Target, string Name) : Expr(Start, End);

public sealed record FunctionCall(int Start, int End, string Function, int FunctionEnd, ImmutableArray<Expr> Args) : Expr(Start, End);

public sealed record Unary(int Start, int End, UnaryOp Op, Expr Operand) : Expr(Start, End);

public sealed record Binary(int Start, int End, BinaryOp Op, int OpStart, Expr Left, Expr Right) : Expr(Start, End);

public sealed record Conditional(int Start, int End, Expr Test, Expr Then, Expr Else) : Expr(Start, End);

/// <summary>Stands where the parser found no expression, so that checking can go on and report more.</summary>
public sealed record Missing(int Start, int End) : Expr(Start, End);

public enum UnaryOp
{
    Not,
    Negate,
}

public enum BinaryOp
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}
