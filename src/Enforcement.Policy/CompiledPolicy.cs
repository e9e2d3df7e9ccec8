using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Compilation;

namespace Enforcement.Policy;

/// <summary>A policy ready to run: its definition and its compiled condition, immutable and shared by every subject of its scope.</summary>
/// <param name="Index">Position among the policies of its scope; a subject keeps one ladder state per index.</param>
public sealed record CompiledPolicy(PolicyDefinition Definition, CompiledCondition Condition, int Index)
{
    public string Id => Definition.Id;
}
