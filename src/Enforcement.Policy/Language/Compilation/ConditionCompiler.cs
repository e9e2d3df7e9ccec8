using System.Collections.Frozen;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// Turns a checked condition into a tree of typed closures. Every name is resolved here, once: an aggregate
/// becomes a window slot index and a field a direct property read, so evaluation does no parsing, reflection or
/// lookup by name. Constants fold, comparisons and arithmetic fuse their constant and slot operands into one
/// closure, and chains of <c>&amp;&amp;</c> or <c>||</c> become one closure over their terms, which keeps the
/// delegate calls per evaluation close to the number of terms. Closures rather than expression trees: a set of a
/// thousand policies compiles in about a millisecond this way, against hundreds with <c>LambdaExpression.Compile</c>.
/// Durations are compiled as seconds.
/// </summary>
public sealed class ConditionCompiler(WindowLayoutBuilder layout)
{
    public CompiledCondition Compile(CheckedCondition condition)
    {
        var closures = new Closures(condition, layout);
        var evaluate = closures.Bool(condition.Root);
        return new CompiledCondition(condition, closures.Slots, evaluate);
    }

    private sealed class Closures(CheckedCondition condition, WindowLayoutBuilder layout)
    {
        public Dictionary<FunctionCall, int> Slots { get; } = new(ReferenceEqualityComparer.Instance);

        public Func<EvaluationScope, bool> Bool(Expr expr)
        {
            switch (expr)
            {
                case BoolLiteral literal:
                {
                    var value = literal.Value;
                    return _ => value;
                }
                case Member:
                    return scope => scope.Account.Verified;
                case Unary { Op: UnaryOp.Not } not:
                {
                    var operand = Bool(not.Operand);
                    return scope => !operand(scope);
                }
                case Conditional conditional:
                {
                    var (test, then, otherwise) = (Bool(conditional.Test), Bool(conditional.Then), Bool(conditional.Else));
                    return scope => test(scope) ? then(scope) : otherwise(scope);
                }
                case Binary { Op: BinaryOp.And } and:
                    return Fused.All([.. Chain(and, BinaryOp.And).Select(Bool)]);
                case Binary { Op: BinaryOp.Or } or:
                    return Fused.Any([.. Chain(or, BinaryOp.Or).Select(Bool)]);
                case Binary { Op: BinaryOp.In } membership:
                    return Membership(membership);
                case Binary comparison:
                    return Comparison(comparison);
                default:
                    throw Unexpected(expr);
            }
        }

        /// <summary>The terms of a left-nested chain of one operator, in the order written.</summary>
        private static IEnumerable<Expr> Chain(Expr expr, BinaryOp op) => expr is Binary binary && binary.Op == op
            ? Chain(binary.Left, op).Concat(Chain(binary.Right, op))
            : [expr];

        private Func<EvaluationScope, bool> Comparison(Binary binary)
        {
            switch (condition.TypeOf(binary.Left))
            {
                case ExprType.Number or ExprType.Duration:
                {
                    var (left, right) = (Number(binary.Left), Number(binary.Right));
                    return binary.Op switch
                    {
                        BinaryOp.Equal => Fused.Closure<Equal, bool>(left, right),
                        BinaryOp.NotEqual => Fused.Closure<NotEqual, bool>(left, right),
                        BinaryOp.Less => Fused.Closure<Less, bool>(left, right),
                        BinaryOp.LessOrEqual => Fused.Closure<LessOrEqual, bool>(left, right),
                        BinaryOp.Greater => Fused.Closure<Greater, bool>(left, right),
                        BinaryOp.GreaterOrEqual => Fused.Closure<GreaterOrEqual, bool>(left, right),
                        _ => throw Unexpected(binary),
                    };
                }
                case ExprType.String:
                {
                    var (left, right) = (String(binary.Left), String(binary.Right));
                    return binary.Op == BinaryOp.Equal
                        ? scope => string.Equals(left(scope), right(scope), StringComparison.Ordinal)
                        : scope => !string.Equals(left(scope), right(scope), StringComparison.Ordinal);
                }
                default:
                {
                    var (left, right) = (Bool(binary.Left), Bool(binary.Right));
                    return binary.Op == BinaryOp.Equal ? scope => left(scope) == right(scope) : scope => left(scope) != right(scope);
                }
            }
        }

        private Func<EvaluationScope, bool> Membership(Binary binary)
        {
            var list = (ListLiteral)binary.Right;
            switch (condition.TypeOf(binary.Left))
            {
                case ExprType.String when list.Items.All(i => i is StringLiteral):
                {
                    var needle = String(binary.Left);
                    var set = list.Items.Cast<StringLiteral>().Select(i => i.Value).ToFrozenSet(StringComparer.Ordinal);
                    return scope => set.Contains(needle(scope));
                }
                case ExprType.String:
                    return AnyOf(String(binary.Left), [.. list.Items.Select(String)], static (a, b) => string.Equals(a, b, StringComparison.Ordinal));
                case ExprType.Bool:
                    return AnyOf(Bool(binary.Left), [.. list.Items.Select(Bool)], static (a, b) => a == b);
                default:
                    return AnyOf(Number(binary.Left).AsClosure(), [.. list.Items.Select(i => Number(i).AsClosure())], static (a, b) => a == b);
            }
        }

        /// <summary><c>x in [a, b, …]</c> over items that are not all constants: compared one by one, in order.</summary>
        private static Func<EvaluationScope, bool> AnyOf<T>(Func<EvaluationScope, T> needle, Func<EvaluationScope, T>[] items, Func<T, T, bool> equal) =>
            scope =>
            {
                var value = needle(scope);
                foreach (var item in items)
                {
                    if (equal(item(scope), value))
                        return true;
                }
                return false;
            };

        public Operand Number(Expr expr)
        {
            switch (expr)
            {
                case NumberLiteral literal:
                    return Operand.Constant(literal.Value);
                case DurationLiteral literal:
                    return Operand.Constant(literal.Value.TotalSeconds);
                case Member:
                    return Operand.Of(scope => scope.Account.AgeSeconds(scope.Now));
                case FunctionCall call:
                {
                    var slot = layout.Add(condition.Aggregates[call]);
                    Slots[call] = slot;
                    return Operand.OfSlot(slot);
                }
                case Unary { Op: UnaryOp.Negate } negate:
                {
                    var operand = Number(negate.Operand);
                    if (operand.Kind == OperandKind.Constant)
                        return Operand.Constant(-operand.Value);
                    var closure = operand.AsClosure();
                    return Operand.Of(scope => -closure(scope));
                }
                case Conditional conditional:
                {
                    var (test, then, otherwise) = (Bool(conditional.Test), Number(conditional.Then).AsClosure(), Number(conditional.Else).AsClosure());
                    return Operand.Of(scope => test(scope) ? then(scope) : otherwise(scope));
                }
                case Binary binary:
                {
                    var (left, right) = (Number(binary.Left), Number(binary.Right));
                    return binary.Op switch
                    {
                        BinaryOp.Add => Fused.Arithmetic<Add>(left, right),
                        BinaryOp.Subtract => Fused.Arithmetic<Subtract>(left, right),
                        BinaryOp.Multiply => Fused.Arithmetic<Multiply>(left, right),
                        BinaryOp.Divide => Fused.Arithmetic<Divide>(left, right),
                        BinaryOp.Remainder => Fused.Arithmetic<Remainder>(left, right),
                        _ => throw Unexpected(expr),
                    };
                }
                default:
                    throw Unexpected(expr);
            }
        }

        public Func<EvaluationScope, string> String(Expr expr)
        {
            switch (expr)
            {
                case StringLiteral literal:
                {
                    var value = literal.Value;
                    return _ => value;
                }
                case Member member:
                    return condition.Fields[member] == AccountField.Tier ? scope => scope.Account.Tier : scope => scope.Account.Region;
                case Conditional conditional:
                {
                    var (test, then, otherwise) = (Bool(conditional.Test), String(conditional.Then), String(conditional.Else));
                    return scope => test(scope) ? then(scope) : otherwise(scope);
                }
                case Binary { Op: BinaryOp.Add } binary:
                {
                    var (left, right) = (String(binary.Left), String(binary.Right));
                    return scope => string.Concat(left(scope), right(scope));
                }
                default:
                    throw Unexpected(expr);
            }
        }

        private InvalidOperationException Unexpected(Expr expr) =>
            new($"The checker let through a node the compiler cannot translate: '{condition.TextOf(expr)}' ({expr.GetType().Name}, {condition.TypeOf(expr).Describe()}).");
    }
}
