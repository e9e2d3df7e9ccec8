using System.Collections.Immutable;
using Enforcement.Policy.Ladders;

namespace Enforcement.Policy.Persistence;

/// <summary>What reading a snapshot under a program could keep of it.</summary>
/// <param name="WindowsRestored">
/// True when the snapshot's windows were written under a layout with the program's fingerprint and came back exactly;
/// false when the layout changed and they came back empty, to be rebuilt by replaying the journal.
/// </param>
/// <param name="DroppedPolicies">Ids of policies the snapshot held a ladder for that the program no longer runs, in ordinal order.</param>
/// <param name="AddedPolicies">Ids of the program's policies the snapshot held no ladder for, which start at <see cref="LadderState.Initial"/>.</param>
public sealed record SubjectRestore(bool WindowsRestored, ImmutableArray<string> DroppedPolicies, ImmutableArray<string> AddedPolicies)
{
    public bool Equals(SubjectRestore? other) =>
        other is not null
        && WindowsRestored == other.WindowsRestored
        && ImmutableArrays.ElementsEqual(DroppedPolicies, other.DroppedPolicies)
        && ImmutableArrays.ElementsEqual(AddedPolicies, other.AddedPolicies);

    public override int GetHashCode() =>
        HashCode.Combine(WindowsRestored, ImmutableArrays.ElementsHash(DroppedPolicies), ImmutableArrays.ElementsHash(AddedPolicies));
}
