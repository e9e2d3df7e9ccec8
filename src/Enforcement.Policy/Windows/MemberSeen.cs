namespace Enforcement.Policy.Windows;

/// <summary>
/// An account of an entity or cluster: when it was first and last seen, in ticks, and its creation time as its first
/// observation told it (0 if unknown), which says whether it joined as a new account.
/// </summary>
internal struct MemberSeen : ISeen
{
    public long First;
    public long Last;
    public long Created;

    public readonly long LastSeen => Last;
}
