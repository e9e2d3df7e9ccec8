using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Language.Checking;

/// <summary>Collects the problems of one condition, each placed at its file:line:col through the condition's source map.</summary>
public sealed class Problems(ConditionText source)
{
    private readonly List<Diagnostic> found = [];

    public IReadOnlyList<Diagnostic> Found => found;

    public void Add(int offset, string message) => found.Add(new Diagnostic(source.At(offset), message));
}
