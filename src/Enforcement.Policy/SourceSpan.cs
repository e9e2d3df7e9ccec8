namespace Enforcement.Policy;

/// <summary>A place in a policy or catalog file; line and column are 1-based, as editors count them.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static readonly SourceSpan None = new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
