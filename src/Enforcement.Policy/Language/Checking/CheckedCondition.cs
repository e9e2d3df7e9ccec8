using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Checking;

/// <summary>
/// A condition that parsed and type-checked: its tree with the checker's findings attached by node identity,
/// which is all the compiler and the explainer need.
/// </summary>
public sealed class CheckedCondition(
    ConditionText source,
    Expr root,
    IReadOnlyDictionary<Expr, ExprType> types,
    IReadOnlyDictionary<FunctionCall, WindowRequest> aggregates,
    IReadOnlyDictionary<Member, AccountField> fields)
{
    public ConditionText Source { get; } = source;

    public Expr Root { get; } = root;

    public IReadOnlyDictionary<FunctionCall, WindowRequest> Aggregates { get; } = aggregates;

    public IReadOnlyDictionary<Member, AccountField> Fields { get; } = fields;

    public ExprType TypeOf(Expr expr) => types[expr];

    /// <summary>The text of a node as the author wrote it, which is how explanations name terms.</summary>
    public string TextOf(Expr expr) => Source.Text[expr.Start..expr.End];
}
