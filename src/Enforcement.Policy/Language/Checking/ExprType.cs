namespace Enforcement.Policy.Language.Checking;

/// <summary>The static types of the condition language. <see cref="Error"/> marks a node already reported, so one mistake is reported once.</summary>
public enum ExprType
{
    Error,
    Bool,
    Number,
    String,
    Duration,
    BoolList,
    NumberList,
    StringList,
    DurationList,
}
