using System.Collections.Immutable;

namespace Enforcement.Store.PolicySets;

/// <summary>One accepted policy set: its files by name, the content hash the compiler gave it, who replaced the set before it and when.</summary>
public sealed record StoredPolicySet(long Version, ImmutableSortedDictionary<string, string> Files, string Hash, string Actor, DateTimeOffset At);
