namespace Enforcement.Policy.Language.Syntax;

/// <summary>A problem at an offset of the condition text; the caller maps it to file:line:col.</summary>
public readonly record struct SyntaxProblem(int Offset, string Message);
