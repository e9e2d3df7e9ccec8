using System.Collections.Immutable;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// One change of a (subject, policy) pair's ladder state; the runtime turns each into an audited decision.
/// </summary>
/// <param name="From">The rung before the change; equal to <paramref name="To"/> for renewals, expiries, take-effects and lifts.</param>
/// <param name="At">When the change was due, never the time the timer happened to run.</param>
/// <param name="Actions">
/// The actions concerned: those taken (climb, renew), those that came into force (take-effect), expired (expire),
/// were lifted by stepping down (the untimed actions of the rung left; possibly none), or were lifted (lift).
/// </param>
/// <param name="EffectiveAt">
/// When the change is in force: after the rung's delay for a climb or renewal, otherwise <paramref name="At"/>.
/// </param>
public sealed record LadderTransition(
    TransitionKind Kind,
    int From,
    int To,
    DateTimeOffset At,
    ImmutableArray<ActiveAction> Actions,
    DateTimeOffset EffectiveAt)
{
    public bool Equals(LadderTransition? other) =>
        other is not null
        && Kind == other.Kind
        && From == other.From
        && To == other.To
        && At == other.At
        && EffectiveAt == other.EffectiveAt
        && ImmutableArrays.ElementsEqual(Actions, other.Actions);

    public override int GetHashCode() =>
        HashCode.Combine(Kind, From, To, At, EffectiveAt, ImmutableArrays.ElementsHash(Actions));
}
