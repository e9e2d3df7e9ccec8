using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// The second tier: a checked condition as one expression tree compiled to one delegate, its terms inlined as
/// hand-written code would have them. It reads the slots the first tier (<see cref="ConditionCompiler"/>) assigned
/// and computes exactly what the closures and the <see cref="Explainer"/> compute. Compiling a tree costs a
/// hundred times more than building closures, so it runs in the background after a set is accepted.
/// </summary>
public static class ExpressionCompiler
{
    private static readonly MethodInfo Read = typeof(SubjectWindows).GetMethod(nameof(SubjectWindows.Read))!;
    private static readonly MethodInfo AgeSeconds = typeof(AccountFacts).GetMethod(nameof(AccountFacts.AgeSeconds))!;
    private static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo SetContains = typeof(FrozenSet<string>).GetMethod(nameof(FrozenSet<string>.Contains))!;

    public static Func<EvaluationScope, bool> Compile(CheckedCondition condition, IReadOnlyDictionary<FunctionCall, int> slots)
    {
        var tree = new Tree(condition, slots);
        var body = tree.Translate(condition.Root);
        var lambda = Expression.Lambda<Func<EvaluationScope, bool>>(
            Expression.Block([tree.Windows, tree.Now, tree.Account], tree.Prologue.Append(body)),
            tree.Scope);
        return lambda.Compile();
    }

    private sealed class Tree(CheckedCondition condition, IReadOnlyDictionary<FunctionCall, int> slots)
    {
        public ParameterExpression Scope { get; } = Expression.Parameter(typeof(EvaluationScope), "scope");

        public ParameterExpression Windows { get; } = Expression.Variable(typeof(SubjectWindows), "windows");

        public ParameterExpression Now { get; } = Expression.Variable(typeof(long), "now");

        public ParameterExpression Account { get; } = Expression.Variable(typeof(AccountFacts), "account");

        /// <summary>What the condition reads from its scope, loaded once into locals before the body runs.</summary>
        public IEnumerable<Expression> Prologue =>
        [
            Expression.Assign(Windows, Expression.Property(Scope, nameof(EvaluationScope.Windows))),
            Expression.Assign(Now, Expression.Property(Scope, nameof(EvaluationScope.Now))),
            Expression.Assign(Account, Expression.Property(Scope, nameof(EvaluationScope.Account))),
        ];

        public Expression Translate(Expr expr) => expr switch
        {
            BoolLiteral literal => Expression.Constant(literal.Value),
            NumberLiteral literal => Expression.Constant(literal.Value),
            DurationLiteral literal => Expression.Constant(literal.Value.TotalSeconds),
            StringLiteral literal => Expression.Constant(literal.Value),
            Member member => Field(condition.Fields[member]),
            FunctionCall call => Expression.Call(Windows, Read, Expression.Constant(slots[call]), Now),
            Unary { Op: UnaryOp.Not } not => Expression.Not(Translate(not.Operand)),
            Unary negate => Expression.Negate(Translate(negate.Operand)),
            Conditional conditional => Expression.Condition(Translate(conditional.Test), Translate(conditional.Then), Translate(conditional.Else)),
            Binary { Op: BinaryOp.In } binary => Membership(binary),
            Binary binary => Operator(binary),
            _ => throw new InvalidOperationException($"The checker let through a node the compiler cannot translate: '{condition.TextOf(expr)}'."),
        };

        private Expression Field(AccountField field) => field switch
        {
            AccountField.Age => Expression.Call(Account, AgeSeconds, Now),
            AccountField.Tier => Expression.Property(Account, nameof(AccountFacts.Tier)),
            AccountField.Region => Expression.Property(Account, nameof(AccountFacts.Region)),
            _ => Expression.Property(Account, nameof(AccountFacts.Verified)),
        };

        private Expression Operator(Binary binary)
        {
            var (left, right) = (Translate(binary.Left), Translate(binary.Right));
            var strings = condition.TypeOf(binary.Left) == ExprType.String;
            return binary.Op switch
            {
                BinaryOp.And => Expression.AndAlso(left, right),
                BinaryOp.Or => Expression.OrElse(left, right),
                BinaryOp.Equal when strings => OrdinalEquals(left, right),
                BinaryOp.NotEqual when strings => Expression.Not(OrdinalEquals(left, right)),
                BinaryOp.Equal => Expression.Equal(left, right),
                BinaryOp.NotEqual => Expression.NotEqual(left, right),
                BinaryOp.Less => Expression.LessThan(left, right),
                BinaryOp.LessOrEqual => Expression.LessThanOrEqual(left, right),
                BinaryOp.Greater => Expression.GreaterThan(left, right),
                BinaryOp.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
                BinaryOp.Add when strings => Expression.Call(Concat, left, right),
                BinaryOp.Add => Expression.Add(left, right),
                BinaryOp.Subtract => Expression.Subtract(left, right),
                BinaryOp.Multiply => Expression.Multiply(left, right),
                BinaryOp.Divide => Expression.Divide(left, right),
                _ => Expression.Modulo(left, right),
            };
        }

        private static MethodCallExpression OrdinalEquals(Expression left, Expression right) =>
            Expression.Call(StringEquals, left, right, Expression.Constant(StringComparison.Ordinal));

        /// <summary><c>x in [a, b]</c>: a frozen set for string constants, else the needle once and each item in order.</summary>
        private Expression Membership(Binary binary)
        {
            var list = (ListLiteral)binary.Right;
            var needle = Translate(binary.Left);
            var strings = condition.TypeOf(binary.Left) == ExprType.String;
            if (strings && list.Items.All(i => i is StringLiteral))
            {
                var set = list.Items.Cast<StringLiteral>().Select(i => i.Value).ToFrozenSet(StringComparer.Ordinal);
                return Expression.Call(Expression.Constant(set), SetContains, needle);
            }
            var value = Expression.Variable(needle.Type, "needle");
            var any = list.Items
                .Select(item => strings ? OrdinalEquals(value, Translate(item)) : (Expression)Expression.Equal(value, Translate(item)))
                .Aggregate(Expression.OrElse);
            return Expression.Block([value], Expression.Assign(value, needle), any);
        }
    }
}
