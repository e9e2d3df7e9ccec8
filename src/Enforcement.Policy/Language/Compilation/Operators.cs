namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// Numeric operators as struct types, so that one generic fused closure per operand shape is specialised by the
/// JIT for each operator, with the operator inlined.
/// </summary>
internal interface INumberOperator<TResult>
{
    static abstract TResult Apply(double left, double right);
}

internal readonly struct Less : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left < right;
}

internal readonly struct LessOrEqual : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left <= right;
}

internal readonly struct Greater : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left > right;
}

internal readonly struct GreaterOrEqual : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left >= right;
}

internal readonly struct Equal : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left == right;
}

internal readonly struct NotEqual : INumberOperator<bool>
{
    public static bool Apply(double left, double right) => left != right;
}

internal readonly struct Add : INumberOperator<double>
{
    public static double Apply(double left, double right) => left + right;
}

internal readonly struct Subtract : INumberOperator<double>
{
    public static double Apply(double left, double right) => left - right;
}

internal readonly struct Multiply : INumberOperator<double>
{
    public static double Apply(double left, double right) => left * right;
}

internal readonly struct Divide : INumberOperator<double>
{
    public static double Apply(double left, double right) => left / right;
}

internal readonly struct Remainder : INumberOperator<double>
{
    public static double Apply(double left, double right) => left % right;
}
