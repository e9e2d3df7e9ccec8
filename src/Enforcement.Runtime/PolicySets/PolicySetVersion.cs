using Enforcement.Policy;

namespace Enforcement.Runtime.PolicySets;

/// <summary>A compiled policy set with the version the store gave it when it was accepted.</summary>
public sealed record PolicySetVersion(long Version, PolicySet Set);
