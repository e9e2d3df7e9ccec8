using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Syntax;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>
/// A condition compiled to a delegate, shared by every subject that evaluates it. It starts on closures, ready at
/// once, and is promoted to a single compiled expression tree when that is ready, as the runtime's JIT tiers
/// methods; both compute the same value. The checked tree stays beside it for <see cref="Explain"/>, which is only
/// called when a decision is taken.
/// </summary>
public sealed class CompiledCondition(
    CheckedCondition source,
    IReadOnlyDictionary<FunctionCall, int> slots,
    Func<EvaluationScope, bool> evaluate)
{
    private Func<EvaluationScope, bool> evaluate = evaluate;

    public CheckedCondition Source { get; } = source;

    /// <summary>The window slot each aggregate of the condition reads.</summary>
    public IReadOnlyDictionary<FunctionCall, int> Slots { get; } = slots;

    public string Text => Source.Source.Text;

    /// <summary>True once the condition runs as a compiled expression tree rather than closures.</summary>
    public bool Promoted { get; private set; }

    public bool Evaluate(EvaluationScope scope) => evaluate(scope);

    /// <summary>The result with the value of every term, as the audit trail records it.</summary>
    public Explanation Explain(EvaluationScope scope) => Explainer.Explain(Source, Slots, scope);

    /// <summary>Compiles the second tier and swaps it in; a reference write, so evaluations in flight are unaffected.</summary>
    public void Promote()
    {
        if (Promoted)
            return;
        Volatile.Write(ref evaluate, ExpressionCompiler.Compile(Source, Slots));
        Promoted = true;
    }
}
