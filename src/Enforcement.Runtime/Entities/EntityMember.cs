namespace Enforcement.Runtime.Entities;

/// <summary>A member account as its entity knows it: the last journal entry of it taken, and when it was last seen (event time, ticks).</summary>
public readonly record struct EntityMember(long LastSeq, long LastSeen);
