using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Enforcement.Runtime.Clusters;

/// <summary>
/// The one map of clusters: which accounts are connected through shared entities. Each silo sends it the links of a
/// batch of accounts at a time and routes their signals to the clusters it answers.
/// </summary>
[Alias("enforcement.cluster-map")]
public interface IClusterMapGrain : IGrainWithIntegerKey
{
    /// <summary>Records the links and answers each account's cluster (subject key), or null for an account linked to no other.</summary>
    [Alias("resolve")]
    Task<ImmutableArray<string?>> Resolve(ImmutableArray<AccountLinks> accounts);

    /// <summary>The cluster of one account, without recording anything.</summary>
    [Alias("cluster-of"), AlwaysInterleave]
    Task<string?> ClusterOf(string account);
}
