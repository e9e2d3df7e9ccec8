using Enforcement.Policy.Evaluation;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// A numeric operand as the compiler sees it: a constant, a window slot, or any other closure. Knowing that an
/// operand is a constant or a slot lets the compiler fuse it into the closure of its operator, so that
/// <c>count(request, 1h) >= 200</c> is one delegate call that reads the window, not three.
/// </summary>
internal readonly record struct Operand(OperandKind Kind, double Value, int Slot, Func<EvaluationScope, double>? Closure)
{
    public static Operand Constant(double value) => new(OperandKind.Constant, value, -1, null);

    public static Operand OfSlot(int slot) => new(OperandKind.Slot, 0, slot, null);

    public static Operand Of(Func<EvaluationScope, double> closure) => new(OperandKind.Closure, 0, -1, closure);

    public Func<EvaluationScope, double> AsClosure()
    {
        switch (Kind)
        {
            case OperandKind.Constant:
            {
                var value = Value;
                return _ => value;
            }
            case OperandKind.Slot:
            {
                var slot = Slot;
                return scope => scope.Windows.Read(slot, scope.Now);
            }
            default:
                return Closure!;
        }
    }
}

internal enum OperandKind
{
    Constant,
    Slot,
    Closure,
}
