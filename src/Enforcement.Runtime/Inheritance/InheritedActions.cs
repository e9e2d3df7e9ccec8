using System.Collections.Immutable;

namespace Enforcement.Runtime.Inheritance;

/// <summary>
/// Every action an entity or cluster holds for its members, as of one version: a member keeps the highest version it
/// was told, so that a late or repeated message changes nothing.
/// </summary>
/// <param name="Subject">The entity or cluster: <c>proxy:p-7</c>, <c>cluster:c-1f2e</c>.</param>
/// <param name="Version">Counts the changes of the subject's actions; 0 before the first.</param>
/// <param name="At">When the subject's actions last changed (event time).</param>
[GenerateSerializer, Immutable, Alias("enforcement.inherited-actions")]
public sealed record InheritedActions(
    [property: Id(0)] string Subject,
    [property: Id(1)] long Version,
    [property: Id(2)] ImmutableArray<InheritedAction> Actions,
    [property: Id(3)] DateTimeOffset At)
{
    public static InheritedActions None(string subject) => new(subject, 0, [], DateTimeOffset.MinValue);
}
