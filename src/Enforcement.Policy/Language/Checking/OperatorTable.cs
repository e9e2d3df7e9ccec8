using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Language.Checking;

/// <summary>
/// Which operand types each operator accepts and what it yields. Durations are their own type: they compare and
/// add with durations, scale by numbers, and a duration divided by a duration is a number.
/// </summary>
public static class OperatorTable
{
    public static ExprType Result(BinaryOp op, ExprType left, ExprType right) => op switch
    {
        BinaryOp.And or BinaryOp.Or => left == ExprType.Bool && right == ExprType.Bool ? ExprType.Bool : ExprType.Error,
        BinaryOp.Equal or BinaryOp.NotEqual => left == right && !left.IsList() ? ExprType.Bool : ExprType.Error,
        BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual =>
            left == right && left is ExprType.Number or ExprType.Duration ? ExprType.Bool : ExprType.Error,
        BinaryOp.In => right.IsList() && right.ElementOf() == left ? ExprType.Bool : ExprType.Error,
        BinaryOp.Add or BinaryOp.Subtract => (left, right) switch
        {
            (ExprType.Number, ExprType.Number) => ExprType.Number,
            (ExprType.Duration, ExprType.Duration) => ExprType.Duration,
            (ExprType.String, ExprType.String) when op == BinaryOp.Add => ExprType.String,
            _ => ExprType.Error,
        },
        BinaryOp.Multiply => (left, right) switch
        {
            (ExprType.Number, ExprType.Number) => ExprType.Number,
            (ExprType.Duration, ExprType.Number) or (ExprType.Number, ExprType.Duration) => ExprType.Duration,
            _ => ExprType.Error,
        },
        BinaryOp.Divide => (left, right) switch
        {
            (ExprType.Number, ExprType.Number) => ExprType.Number,
            (ExprType.Duration, ExprType.Number) => ExprType.Duration,
            (ExprType.Duration, ExprType.Duration) => ExprType.Number,
            _ => ExprType.Error,
        },
        BinaryOp.Remainder => left == ExprType.Number && right == ExprType.Number ? ExprType.Number : ExprType.Error,
        _ => ExprType.Error,
    };

    public static string Mismatch(BinaryOp op, ExprType left, ExprType right)
    {
        var symbol = op.Symbol();
        var found = $"found {left.Describe()} {symbol} {right.Describe()}";
        return op switch
        {
            BinaryOp.And or BinaryOp.Or => $"'{symbol}' expects bool operands, {found}",
            BinaryOp.Equal or BinaryOp.NotEqual => $"cannot compare {left.Describe()} with {right.Describe()}: '{symbol}' expects two operands of one type",
            BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual when left != right =>
                $"cannot compare {left.Describe()} with {right.Describe()}: '{symbol}' expects two numbers or two durations",
            BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual =>
                $"'{symbol}' expects two numbers or two durations, {found}",
            BinaryOp.In => $"'in' expects a value and a list of values of its type, {found}",
            BinaryOp.Add => $"'+' expects two numbers, two durations or two strings, {found}",
            BinaryOp.Subtract => $"'-' expects two numbers or two durations, {found}",
            BinaryOp.Multiply => $"'*' expects two numbers, or a duration and a number, {found}",
            BinaryOp.Divide => $"'/' expects a number or a duration divided by a number, or a duration divided by a duration, {found}",
            _ => $"'{symbol}' expects two numbers, {found}",
        };
    }
}
