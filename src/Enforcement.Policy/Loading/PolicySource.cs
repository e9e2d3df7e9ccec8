namespace Enforcement.Policy.Loading;

/// <summary>One file of a policy set.</summary>
/// <param name="File">The name errors report, such as <c>cot.yaml</c>.</param>
public sealed record PolicySource(string File, string Text);
