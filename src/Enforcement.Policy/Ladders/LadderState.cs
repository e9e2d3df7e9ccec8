using System.Collections.Immutable;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// What one (subject, policy) pair holds between signals: its rung, the times that drive cooldown and decay, and the
/// actions it has taken that have not yet expired or been stepped down from. Immutable and made of plain values so
/// that a grain can persist it as it is; equality compares <see cref="Actions"/> element by element.
/// </summary>
/// <param name="Rung">0 when the subject is on no rung, otherwise 1..n of the policy's ladder.</param>
/// <param name="LastClimbAt">The last climb or renewal: cooldown runs from it.</param>
/// <param name="LastTrueAt">The last time the condition was evaluated true.</param>
/// <param name="LastStepDownAt">The last decay step. Decay runs from the latest of the three times.</param>
/// <param name="Actions">
/// Every action taken and still held, in the order taken: actions of lower rungs stay when the subject climbs, a
/// delayed action is here from its decision on, and a timed action stays until it expires even after its rung is left.
/// </param>
/// <param name="AsOf">
/// The event time the state describes: every timer due up to it has run. The ladder's clock never runs backwards, so
/// a delayed action whose <see cref="ActiveAction.EffectiveAt"/> is after <see cref="AsOf"/> has yet to take effect.
/// </param>
public sealed record LadderState(
    int Rung,
    DateTimeOffset? LastClimbAt,
    DateTimeOffset? LastTrueAt,
    DateTimeOffset? LastStepDownAt,
    ImmutableArray<ActiveAction> Actions,
    DateTimeOffset? AsOf)
{
    /// <summary>A pair that has never seen its condition true: no rung, no actions.</summary>
    public static LadderState Initial { get; } = new(0, null, null, null, [], null);

    /// <summary>
    /// Until when the pair may not climb or renew: a reviewer overturned its decision (<see cref="Ladder.Overturn"/>),
    /// and a condition still true must not take back at once what a person judged wrong.
    /// </summary>
    public DateTimeOffset? OverturnedUntil { get; init; }

    public bool Equals(LadderState? other) =>
        other is not null
        && Rung == other.Rung
        && LastClimbAt == other.LastClimbAt
        && LastTrueAt == other.LastTrueAt
        && LastStepDownAt == other.LastStepDownAt
        && AsOf == other.AsOf
        && OverturnedUntil == other.OverturnedUntil
        && ImmutableArrays.ElementsEqual(Actions, other.Actions);

    public override int GetHashCode() =>
        HashCode.Combine(Rung, LastClimbAt, LastTrueAt, LastStepDownAt, AsOf, OverturnedUntil, ImmutableArrays.ElementsHash(Actions));
}
