using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Checking;

/// <summary>Runs the set passes in their declared order; each reports everything it finds.</summary>
public static class PolicySetChecker
{
    private static readonly ISetPass[] Passes =
    [
        new CheckConditions(),
        new CheckLadders(),
        new FindUnreachableRungs(),
        new CheckTests(),
    ];

    public static SetCheck Check(SignalCatalog catalog, IReadOnlyList<PolicyDefinition> policies)
    {
        var check = new SetCheck(catalog, policies);
        foreach (var pass in Passes)
            pass.Run(check);
        return check;
    }
}
