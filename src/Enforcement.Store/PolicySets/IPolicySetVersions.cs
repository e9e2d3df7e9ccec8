using System.Collections.Immutable;

namespace Enforcement.Store.PolicySets;

/// <summary>Every policy set ever accepted, numbered; the last one is active.</summary>
public interface IPolicySetVersions
{
    /// <summary>The active set (the highest version), or null before any was saved.</summary>
    Task<StoredPolicySet?> ReadActivePolicySetAsync(CancellationToken cancellationToken = default);

    Task<StoredPolicySet?> ReadPolicySetAsync(long version, CancellationToken cancellationToken = default);

    /// <summary>Saves a checked set as the next version (the database numbers it) and returns it, now active.</summary>
    Task<StoredPolicySet> SavePolicySetAsync(ImmutableSortedDictionary<string, string> files, string hash, string actor, DateTimeOffset at, CancellationToken cancellationToken = default);
}
