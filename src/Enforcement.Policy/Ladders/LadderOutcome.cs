using System.Collections.Immutable;

namespace Enforcement.Policy.Ladders;

/// <summary>The state after a step of the ladder and every change on the way, in the order the changes were due.</summary>
public sealed record LadderOutcome(LadderState State, ImmutableArray<LadderTransition> Transitions)
{
    public bool Equals(LadderOutcome? other) =>
        other is not null && State.Equals(other.State) && ImmutableArrays.ElementsEqual(Transitions, other.Transitions);

    public override int GetHashCode() => HashCode.Combine(State, ImmutableArrays.ElementsHash(Transitions));
}
