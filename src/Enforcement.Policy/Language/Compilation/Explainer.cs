using System.Collections.Immutable;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// Interprets a checked condition directly over its tree, recording the value of every aggregate, field and
/// comparison. It is the reference the compiled delegates are tested against, and runs only when a decision is
/// taken, never on the hot path. Both sides of <c>&amp;&amp;</c> and <c>||</c> are evaluated so that the
/// explanation shows every term.
/// </summary>
public static class Explainer
{
    public static Explanation Explain(CheckedCondition condition, IReadOnlyDictionary<FunctionCall, int> slots, EvaluationScope scope)
    {
        var terms = new List<Term>();
        var result = (bool)Evaluate(condition, slots, condition.Root, scope, terms);
        var unique = terms.DistinctBy(t => t.Text, StringComparer.Ordinal).ToImmutableArray();
        return new Explanation(result, condition.Source.Text, unique);
    }

    /// <summary>The value of a node: bool, double (durations in seconds), string, or an array of those for a list.</summary>
    public static object Evaluate(CheckedCondition condition, IReadOnlyDictionary<FunctionCall, int> slots, Expr expr, EvaluationScope scope, List<Term>? terms = null)
    {
        object Eval(Expr e) => Evaluate(condition, slots, e, scope, terms);
        switch (expr)
        {
            case BoolLiteral literal:
                return literal.Value;
            case NumberLiteral literal:
                return literal.Value;
            case StringLiteral literal:
                return literal.Value;
            case DurationLiteral literal:
                return literal.Value.TotalSeconds;
            case ListLiteral list:
                return list.Items.Select(Eval).ToArray();
            case Member member:
            {
                object value = condition.Fields[member] switch
                {
                    AccountField.Age => scope.Account.AgeSeconds(scope.Now),
                    AccountField.Tier => scope.Account.Tier,
                    AccountField.Region => scope.Account.Region,
                    _ => scope.Account.Verified,
                };
                terms?.Add(new Term(condition.TextOf(member), Format(condition.TypeOf(member), value)));
                return value;
            }
            case FunctionCall call:
            {
                var value = scope.Windows.Read(slots[call], scope.Now);
                terms?.Add(new Term(condition.TextOf(call), Values.Number(value)));
                return value;
            }
            case Unary unary:
            {
                var operand = Eval(unary.Operand);
                return unary.Op == UnaryOp.Not ? !(bool)operand : -(double)operand;
            }
            case Conditional conditional:
            {
                var test = (bool)Eval(conditional.Test);
                var then = Eval(conditional.Then);
                var otherwise = Eval(conditional.Else);
                return test ? then : otherwise;
            }
            case Binary binary:
            {
                var left = Eval(binary.Left);
                var right = Eval(binary.Right);
                var value = Apply(binary.Op, left, right);
                if (binary.Op.IsComparison() || binary.Op == BinaryOp.In)
                    terms?.Add(new Term(condition.TextOf(binary), (bool)value ? "true" : "false"));
                return value;
            }
            default:
                throw new InvalidOperationException($"The checker let through a node the explainer cannot evaluate: '{condition.TextOf(expr)}'.");
        }
    }

    private static object Apply(BinaryOp op, object left, object right) => op switch
    {
        BinaryOp.And => (bool)left && (bool)right,
        BinaryOp.Or => (bool)left || (bool)right,
        BinaryOp.Equal => Equals(left, right),
        BinaryOp.NotEqual => !Equals(left, right),
        BinaryOp.Less => (double)left < (double)right,
        BinaryOp.LessOrEqual => (double)left <= (double)right,
        BinaryOp.Greater => (double)left > (double)right,
        BinaryOp.GreaterOrEqual => (double)left >= (double)right,
        BinaryOp.In => ((object[])right).Any(item => Equals(left, item)),
        BinaryOp.Add when left is string s => string.Concat(s, (string)right),
        BinaryOp.Add => (double)left + (double)right,
        BinaryOp.Subtract => (double)left - (double)right,
        BinaryOp.Multiply => (double)left * (double)right,
        BinaryOp.Divide => (double)left / (double)right,
        BinaryOp.Remainder => (double)left % (double)right,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    // IEEE semantics, as the compiled code has them: NaN equals nothing, not even itself.
    private static new bool Equals(object left, object right) => (left, right) switch
    {
        (double l, double r) => l == r,
        (string l, string r) => string.Equals(l, r, StringComparison.Ordinal),
        (bool l, bool r) => l == r,
        _ => false,
    };

    private static string Format(ExprType type, object value) => type switch
    {
        ExprType.Duration => Values.Duration((double)value),
        ExprType.Number => Values.Number((double)value),
        ExprType.Bool => (bool)value ? "true" : "false",
        _ => $"\"{value}\"",
    };
}
