namespace Enforcement.Policy.Language.Checking;

public static class ExprTypes
{
    public static string Describe(this ExprType type) => type switch
    {
        ExprType.Bool => "bool",
        ExprType.Number => "number",
        ExprType.String => "string",
        ExprType.Duration => "duration",
        ExprType.BoolList => "list of bool",
        ExprType.NumberList => "list of number",
        ExprType.StringList => "list of string",
        ExprType.DurationList => "list of duration",
        _ => "error",
    };

    public static ExprType ListOf(this ExprType element) => element switch
    {
        ExprType.Bool => ExprType.BoolList,
        ExprType.Number => ExprType.NumberList,
        ExprType.String => ExprType.StringList,
        ExprType.Duration => ExprType.DurationList,
        _ => ExprType.Error,
    };

    public static ExprType ElementOf(this ExprType list) => list switch
    {
        ExprType.BoolList => ExprType.Bool,
        ExprType.NumberList => ExprType.Number,
        ExprType.StringList => ExprType.String,
        ExprType.DurationList => ExprType.Duration,
        _ => ExprType.Error,
    };

    public static bool IsList(this ExprType type) => type >= ExprType.BoolList;
}
