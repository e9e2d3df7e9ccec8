using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;

namespace Enforcement.Policy.Checking;

/// <summary>
/// A policy's <c>tests:</c> must speak the catalog's language too: known signal types, values of the right kind,
/// attributes the signal declares, and for entity and cluster scopes an account on every signal.
/// </summary>
public sealed class CheckTests : ISetPass
{
    public void Run(SetCheck check)
    {
        foreach (var policy in check.Policies)
        {
            foreach (var test in policy.Tests)
            {
                foreach (var signal in test.Signals)
                {
                    if (!Observations.TryCreate(check.Catalog, signal.Type, signal.Value, signal.Category, "a", 0, 0, signal.Attrs, out _, out var problem))
                        check.Report(signal.Span, problem);
                    if (policy.Scope != Scope.Account && signal.Account is null)
                        check.Report(signal.Span, $"signals of a {policy.Scope.Name()}-scoped test need an 'account': the subject is shared by accounts");
                }
            }
        }
    }
}
