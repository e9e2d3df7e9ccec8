using Enforcement.Policy.Language.Checking;

namespace Enforcement.Policy.Checking;

/// <summary>Parses every <c>when</c>, resolves its names against the catalog and the policy's scope, and checks its types.</summary>
public sealed class CheckConditions : ISetPass
{
    public void Run(SetCheck check)
    {
        foreach (var policy in check.Policies)
        {
            var (condition, problems) = ConditionChecker.Check(policy.When, check.Catalog, policy.Scope);
            check.Report(problems);
            if (condition is not null)
                check.Conditions[policy] = condition;
        }
    }
}
