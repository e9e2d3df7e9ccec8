namespace Enforcement.Policy.Language.Compilation;

/// <summary>One term of a condition and the value it had, such as <c>avg(cot_elicitation, 1h)</c> = <c>0.93</c>.</summary>
public sealed record Term(string Text, string Value);
