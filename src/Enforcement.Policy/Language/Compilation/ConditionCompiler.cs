using System.Collections.Frozen;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// Turns a checked condition into a tree of typed closures. Every name is resolved here, once: an aggregate
/// becomes a window slot index and a field a direct property read, so evaluation does no parsing, reflection or
/// lookup by name. Durations are compiled as seconds.
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
                case Member member:
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
                case Binary binary:
                    return BoolBinary(binary);
                default:
                    throw Unexpected(expr);
            }
        }

        private Func<EvaluationScope, bool> BoolBinary(Binary binary)
        {
            if (binary.Op == BinaryOp.In)
                return Membership(binary);
            if (binary.Op is BinaryOp.And or BinaryOp.Or)
            {
                var (left, right) = (Bool(binary.Left), Bool(binary.Right));
                return binary.Op == BinaryOp.And ? scope => left(scope) && right(scope) : scope => left(scope) || right(scope);
            }
            return condition.TypeOf(binary.Left) switch
            {
                ExprType.Number or ExprType.Duration => NumberComparison(binary.Op, Number(binary.Left), Number(binary.Right)),
                ExprType.String => StringComparison(binary.Op, String(binary.Left), String(binary.Right)),
                _ => BoolComparison(binary.Op, Bool(binary.Left), Bool(binary.Right)),
            };
        }

        private static Func<EvaluationScope, bool> NumberComparison(BinaryOp op, Func<EvaluationScope, double> left, Func<EvaluationScope, double> right) => op switch
        {
            BinaryOp.Equal => scope => left(scope) == right(scope),
            BinaryOp.NotEqual => scope => left(scope) != right(scope),
            BinaryOp.Less => scope => left(scope) < right(scope),
            BinaryOp.LessOrEqual => scope => left(scope) <= right(scope),
            BinaryOp.Greater => scope => left(scope) > right(scope),
            BinaryOp.GreaterOrEqual => scope => left(scope) >= right(scope),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };

        private static Func<EvaluationScope, bool> StringComparison(BinaryOp op, Func<EvaluationScope, string> left, Func<EvaluationScope, string> right) => op switch
        {
            BinaryOp.Equal => scope => string.Equals(left(scope), right(scope), System.StringComparison.Ordinal),
            _ => scope => !string.Equals(left(scope), right(scope), System.StringComparison.Ordinal),
        };

        private static Func<EvaluationScope, bool> BoolComparison(BinaryOp op, Func<EvaluationScope, bool> left, Func<EvaluationScope, bool> right) => op switch
        {
            BinaryOp.Equal => scope => left(scope) == right(scope),
            _ => scope => left(scope) != right(scope),
        };

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
                    return AnyOf(String(binary.Left), [.. list.Items.Select(String)], static (a, b) => string.Equals(a, b, System.StringComparison.Ordinal));
                case ExprType.Bool:
                    return AnyOf(Bool(binary.Left), [.. list.Items.Select(Bool)], static (a, b) => a == b);
                default:
                    return AnyOf(Number(binary.Left), [.. list.Items.Select(Number)], static (a, b) => a == b);
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

        public Func<EvaluationScope, double> Number(Expr expr)
        {
            switch (expr)
            {
                case NumberLiteral literal:
                {
                    var value = literal.Value;
                    return _ => value;
                }
                case DurationLiteral literal:
                {
                    var value = literal.Value.TotalSeconds;
                    return _ => value;
                }
                case Member:
                    return scope => scope.Account.AgeSeconds(scope.Now);
                case FunctionCall call:
                {
                    var slot = layout.Add(condition.Aggregates[call]);
                    Slots[call] = slot;
                    return scope => scope.Windows.Read(slot, scope.Now);
                }
                case Unary { Op: UnaryOp.Negate } negate:
                {
                    var operand = Number(negate.Operand);
                    return scope => -operand(scope);
                }
                case Conditional conditional:
                {
                    var (test, then, otherwise) = (Bool(conditional.Test), Number(conditional.Then), Number(conditional.Else));
                    return scope => test(scope) ? then(scope) : otherwise(scope);
                }
                case Binary binary:
                {
                    var (left, right) = (Number(binary.Left), Number(binary.Right));
                    return binary.Op switch
                    {
                        BinaryOp.Add => scope => left(scope) + right(scope),
                        BinaryOp.Subtract => scope => left(scope) - right(scope),
                        BinaryOp.Multiply => scope => left(scope) * right(scope),
                        BinaryOp.Divide => scope => left(scope) / right(scope),
                        BinaryOp.Remainder => scope => left(scope) % right(scope),
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
