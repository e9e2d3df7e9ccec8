using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Checking;

namespace Enforcement.Policy.Checking;

/// <summary>What the passes share while a set is checked: the catalog, the policies, their checked conditions, and the problems found so far.</summary>
public sealed class SetCheck(SignalCatalog catalog, IReadOnlyList<PolicyDefinition> policies)
{
    private readonly List<Diagnostic> problems = [];

    public SignalCatalog Catalog { get; } = catalog;

    public IReadOnlyList<PolicyDefinition> Policies { get; } = policies;

    /// <summary>Filled by <see cref="CheckConditions"/>: the condition of every policy whose condition has no problem.</summary>
    public Dictionary<PolicyDefinition, CheckedCondition> Conditions { get; } = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Diagnostic> Problems => problems;

    public void Report(SourceSpan at, string message) => problems.Add(new Diagnostic(at, message));

    public void Report(IEnumerable<Diagnostic> found) => problems.AddRange(found);
}
