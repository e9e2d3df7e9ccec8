using Enforcement.Policy.Catalog;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Checking;

/// <summary>
/// Second checking pass: gives every node a type and reports operands of the wrong type, such as a string compared
/// with a number or an average over a category signal. A node whose problem was already reported is typed
/// <see cref="ExprType.Error"/> and reported no further.
/// </summary>
public sealed class TypeCheck(SignalCatalog catalog, NameResolution names, Problems problems)
{
    public Dictionary<Expr, ExprType> Types { get; } = new(ReferenceEqualityComparer.Instance);

    public ExprType Run(Expr expr)
    {
        var type = TypeOf(expr);
        Types[expr] = type;
        return type;
    }

    private ExprType TypeOf(Expr expr) => expr switch
    {
        BoolLiteral => ExprType.Bool,
        NumberLiteral => ExprType.Number,
        StringLiteral => ExprType.String,
        DurationLiteral => ExprType.Duration,
        ListLiteral list => List(list),
        Member member => names.Fields.TryGetValue(member, out var field) ? FieldType(field) : ExprType.Error,
        FunctionCall call => Aggregate(call),
        Unary unary => Unary(unary),
        Binary binary => Binary(binary),
        Conditional conditional => Conditional(conditional),
        _ => ExprType.Error,
    };

    private static ExprType FieldType(AccountField field) => field switch
    {
        AccountField.Age => ExprType.Duration,
        AccountField.Verified => ExprType.Bool,
        _ => ExprType.String,
    };

    private ExprType Aggregate(FunctionCall call)
    {
        if (!names.Aggregates.TryGetValue(call, out var request))
            return ExprType.Error;
        if (request.Kind is AggregateKind.Sum or AggregateKind.Avg or AggregateKind.Min or AggregateKind.Max)
        {
            var signal = catalog.Signals[request.Signal];
            if (signal.Kind == SignalKind.Category)
            {
                problems.Add(call.Start, $"{call.Function} over '{signal.Name}', a category signal: expected a count, score, number or flag signal; a category is read with share({signal.Name}, \"value\", window) or count({signal.Name}, window)");
                return ExprType.Error;
            }
        }
        return ExprType.Number;
    }

    private ExprType List(ListLiteral list)
    {
        var element = ExprType.Error;
        var clean = true;
        foreach (var item in list.Items)
        {
            var type = Run(item);
            if (type == ExprType.Error)
            {
                clean = false;
                continue;
            }
            if (type.IsList())
            {
                problems.Add(item.Start, "a list cannot hold a list: expected numbers, strings, durations or bools");
                clean = false;
            }
            else if (element == ExprType.Error)
            {
                element = type;
            }
            else if (type != element)
            {
                problems.Add(item.Start, $"list items must all have one type: expected {element.Describe()}, found {type.Describe()}");
                clean = false;
            }
        }
        if (list.Items.IsEmpty)
        {
            problems.Add(list.Start, "empty list: expected at least one item, so that its type is known");
            return ExprType.Error;
        }
        return clean ? element.ListOf() : ExprType.Error;
    }

    private ExprType Unary(Unary unary)
    {
        var operand = Run(unary.Operand);
        if (operand == ExprType.Error)
            return ExprType.Error;
        if (unary.Op == UnaryOp.Not)
        {
            if (operand == ExprType.Bool)
                return ExprType.Bool;
            problems.Add(unary.Start, $"'!' expects a bool, found {operand.Describe()}");
            return ExprType.Error;
        }
        if (operand is ExprType.Number or ExprType.Duration)
            return operand;
        problems.Add(unary.Start, $"'-' expects a number or a duration, found {operand.Describe()}");
        return ExprType.Error;
    }

    private ExprType Conditional(Conditional conditional)
    {
        var test = Run(conditional.Test);
        var then = Run(conditional.Then);
        var otherwise = Run(conditional.Else);
        if (test != ExprType.Error && test != ExprType.Bool)
            problems.Add(conditional.Test.Start, $"the test of '?:' must be a bool, found {test.Describe()}");
        if (then == ExprType.Error || otherwise == ExprType.Error || test != ExprType.Bool)
            return ExprType.Error;
        if (then != otherwise)
        {
            problems.Add(conditional.Else.Start, $"both branches of '?:' must have one type: expected {then.Describe()}, found {otherwise.Describe()}");
            return ExprType.Error;
        }
        return then;
    }

    private ExprType Binary(Binary binary)
    {
        var left = Run(binary.Left);
        var right = Run(binary.Right);
        if (binary.Op == BinaryOp.In && binary.Right is not ListLiteral)
        {
            problems.Add(binary.Right.Start, "expected a list literal after 'in', such as [\"free\", \"trial\"]");
            return ExprType.Error;
        }
        if (left == ExprType.Error || right == ExprType.Error)
            return ExprType.Error;
        var result = OperatorTable.Result(binary.Op, left, right);
        if (result != ExprType.Error)
            return result;
        problems.Add(binary.OpStart, OperatorTable.Mismatch(binary.Op, left, right));
        return ExprType.Error;
    }
}
