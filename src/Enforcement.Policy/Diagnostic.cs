namespace Enforcement.Policy;

/// <summary>One problem found in a policy set, always with the place it was found.</summary>
public sealed record Diagnostic(SourceSpan At, string Message)
{
    public override string ToString() => $"{At}: {Message}";
}
