using System.Collections.Immutable;

namespace Enforcement.Policy.Language.Compilation;

/// <summary>Why a condition was true or false: the condition and the value of each of its terms, in the order written.</summary>
public sealed record Explanation(bool Result, string Condition, ImmutableArray<Term> Terms)
{
    public override string ToString() =>
        $"{Condition.ReplaceLineEndings(" ").Trim()} => {(Result ? "true" : "false")} with {string.Join(", ", Terms.Select(t => $"{t.Text} = {t.Value}"))}";
}
