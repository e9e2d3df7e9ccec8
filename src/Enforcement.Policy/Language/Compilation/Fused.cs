using Enforcement.Policy.Evaluation;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// The closure of a numeric operator for each shape of its operands. Constants and slots are captured as values
/// and read in place; only the general shape calls other closures.
/// </summary>
internal static class Fused
{
    public static Func<EvaluationScope, TResult> Closure<TOperator, TResult>(Operand left, Operand right)
        where TOperator : struct, INumberOperator<TResult>
    {
        switch (left.Kind, right.Kind)
        {
            case (OperandKind.Slot, OperandKind.Constant):
            {
                var (slot, value) = (left.Slot, right.Value);
                return scope => TOperator.Apply(scope.Windows.Read(slot, scope.Now), value);
            }
            case (OperandKind.Constant, OperandKind.Slot):
            {
                var (value, slot) = (left.Value, right.Slot);
                return scope => TOperator.Apply(value, scope.Windows.Read(slot, scope.Now));
            }
            case (OperandKind.Slot, OperandKind.Slot):
            {
                var (a, b) = (left.Slot, right.Slot);
                return scope => TOperator.Apply(scope.Windows.Read(a, scope.Now), scope.Windows.Read(b, scope.Now));
            }
            case (OperandKind.Closure, OperandKind.Constant):
            {
                var (closure, value) = (left.Closure!, right.Value);
                return scope => TOperator.Apply(closure(scope), value);
            }
            case (OperandKind.Constant, OperandKind.Closure):
            {
                var (value, closure) = (left.Value, right.Closure!);
                return scope => TOperator.Apply(value, closure(scope));
            }
            default:
            {
                var (a, b) = (left.AsClosure(), right.AsClosure());
                return scope => TOperator.Apply(a(scope), b(scope));
            }
        }
    }

    /// <summary>An arithmetic operator: folded when both operands are constants, fused otherwise.</summary>
    public static Operand Arithmetic<TOperator>(Operand left, Operand right)
        where TOperator : struct, INumberOperator<double> =>
        left.Kind == OperandKind.Constant && right.Kind == OperandKind.Constant
            ? Operand.Constant(TOperator.Apply(left.Value, right.Value))
            : Operand.Of(Closure<TOperator, double>(left, right));

    /// <summary><c>a &amp;&amp; b &amp;&amp; c</c> as one closure over its terms, in order, stopping at the first false.</summary>
    public static Func<EvaluationScope, bool> All(Func<EvaluationScope, bool>[] terms) => terms.Length switch
    {
        1 => terms[0],
        2 => Both(terms[0], terms[1]),
        _ => scope =>
        {
            foreach (var term in terms)
            {
                if (!term(scope))
                    return false;
            }
            return true;
        },
    };

    /// <summary><c>a || b || c</c> as one closure over its terms, in order, stopping at the first true.</summary>
    public static Func<EvaluationScope, bool> Any(Func<EvaluationScope, bool>[] terms) => terms.Length switch
    {
        1 => terms[0],
        2 => Either(terms[0], terms[1]),
        _ => scope =>
        {
            foreach (var term in terms)
            {
                if (term(scope))
                    return true;
            }
            return false;
        },
    };

    private static Func<EvaluationScope, bool> Both(Func<EvaluationScope, bool> a, Func<EvaluationScope, bool> b) => scope => a(scope) && b(scope);

    private static Func<EvaluationScope, bool> Either(Func<EvaluationScope, bool> a, Func<EvaluationScope, bool> b) => scope => a(scope) || b(scope);
}
