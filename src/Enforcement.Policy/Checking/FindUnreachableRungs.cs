using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Compilation;
using Enforcement.Policy.Language.Syntax;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Checking;

/// <summary>
/// A condition that reads no aggregate and no field has one value forever. If that value is false, no rung of the
/// ladder can ever be reached, which is never what the author meant.
/// </summary>
public sealed class FindUnreachableRungs : ISetPass
{
    private static readonly EvaluationScope Constant = new(new SubjectWindows(WindowLayout.Empty));
    private static readonly Dictionary<FunctionCall, int> NoSlots = new(ReferenceEqualityComparer.Instance);

    public void Run(SetCheck check)
    {
        foreach (var (policy, condition) in check.Conditions)
        {
            if (condition.Aggregates.Count > 0 || condition.Fields.Count > 0)
                continue;
            if (Explainer.Evaluate(condition, NoSlots, condition.Root, Constant) is false)
                check.Report(policy.When.At(0), "the condition is always false: no rung of the ladder can be reached");
        }
    }
}
