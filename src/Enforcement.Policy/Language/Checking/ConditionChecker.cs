using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Language.Checking;

/// <summary>
/// Parse, resolve names, check types: the stages a <c>when</c> condition passes before it may be compiled. Each
/// stage reports everything it finds; a condition with any problem yields no <see cref="CheckedCondition"/>.
/// </summary>
public static class ConditionChecker
{
    public static (CheckedCondition? Condition, IReadOnlyList<Diagnostic> Problems) Check(ConditionText source, SignalCatalog catalog, Scope scope)
    {
        var problems = new Problems(source);
        var (root, syntax) = Parser.Parse(source.Text);
        foreach (var problem in syntax)
            problems.Add(problem.Offset, problem.Message);
        if (syntax.Count > 0)
            return (null, problems.Found);

        var names = new NameResolution(catalog, scope, problems);
        names.Run(root);
        var types = new TypeCheck(catalog, names, problems);
        var type = types.Run(root);
        if (type != ExprType.Error && type != ExprType.Bool)
            problems.Add(root.Start, $"a condition must be a bool, found {type.Describe()}: expected a comparison such as count(request, 1h) >= 200");
        if (problems.Found.Count > 0)
            return (null, problems.Found);
        return (new CheckedCondition(source, root, types.Types, names.Aggregates, names.Fields), problems.Found);
    }
}
