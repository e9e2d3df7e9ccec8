namespace Enforcement.Policy.Definitions;

/// <summary>
/// One action of a rung: <c>observe</c>, <c>throttle {rpm}</c>, <c>challenge {kind}</c>, <c>suspend {for}</c>,
/// <c>escalate {queue, priority}</c>. Any action may carry <c>for</c>, after which it expires by itself.
/// </summary>
public sealed record EnforcementAction(
    ActionKind Kind,
    SourceSpan At,
    TimeSpan? For = null,
    int? Rpm = null,
    string? Challenge = null,
    string? Queue = null,
    string? Priority = null)
{
    public string Name => Kind.ToString().ToLowerInvariant();
}
