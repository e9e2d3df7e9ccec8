using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>What reviewers decided: <c>uphold</c> or <c>overturn</c>, by whom (two under the four-eyes rule), with the note.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.case-outcome")]
public sealed record CaseOutcome(
    [property: Id(0)] string Outcome,
    [property: Id(1)] ImmutableArray<string> By,
    [property: Id(2)] string Note,
    [property: Id(3)] DateTimeOffset At)
{
    public const string Uphold = "uphold";
    public const string Overturn = "overturn";

    /// <summary>The actor an audit record names: the reviewers joined by <c>+</c>, as actions are.</summary>
    public string Actor => string.Join('+', By);
}
