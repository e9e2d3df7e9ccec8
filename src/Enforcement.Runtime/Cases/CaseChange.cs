namespace Enforcement.Runtime.Cases;

/// <summary>What a reviewer's request did to a case: the case as it now stands, or why it was refused (a conflict, not bad input).</summary>
[GenerateSerializer, Immutable, Alias("enforcement.case-change")]
public sealed record CaseChange([property: Id(0)] Case? Case, [property: Id(1)] string? Refusal)
{
    public static CaseChange Refused(string reason) => new(null, reason);
}
