using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// A condition compiled to a delegate, immutable and shared by every subject that evaluates it. The checked tree
/// stays beside it for <see cref="Explain"/>, which is only called when a decision is taken.
/// </summary>
public sealed class CompiledCondition(
    CheckedCondition source,
    IReadOnlyDictionary<FunctionCall, int> slots,
    Func<EvaluationScope, bool> evaluate)
{
    public CheckedCondition Source { get; } = source;

    /// <summary>The window slot each aggregate of the condition reads.</summary>
    public IReadOnlyDictionary<FunctionCall, int> Slots { get; } = slots;

    public string Text => Source.Source.Text;

    public bool Evaluate(EvaluationScope scope) => evaluate(scope);

    /// <summary>The result with the value of every term, as the audit trail records it.</summary>
    public Explanation Explain(EvaluationScope scope) => Explainer.Explain(Source, Slots, scope);
}
