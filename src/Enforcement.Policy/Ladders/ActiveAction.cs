using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// One action a (subject, policy) pair holds because it climbed to <see cref="Rung"/>.
/// </summary>
/// <remarks>
/// The action is in the state from <see cref="TakenAt"/>, when the decision is taken and audited, but is in force
/// only from <see cref="EffectiveAt"/> (later than <see cref="TakenAt"/> when its rung carries a delay) until
/// <see cref="Until"/>. An action with <c>for</c> lasts until <c>EffectiveAt + For</c> and expires by itself;
/// an action without it (<see cref="Until"/> is null) lasts until the subject steps down from its rung.
/// </remarks>
/// <param name="Rung">The 1-based rung whose actions this one belongs to.</param>
public sealed record ActiveAction(
    int Rung,
    EnforcementAction Action,
    DateTimeOffset TakenAt,
    DateTimeOffset EffectiveAt,
    DateTimeOffset? Until)
{
    /// <summary>True when the action restricts access at <paramref name="now"/>: <c>EffectiveAt &lt;= now &lt; Until</c>.</summary>
    public bool InForceAt(DateTimeOffset now) => EffectiveAt <= now && (Until is not { } until || now < until);
}
