using System.Collections.Immutable;
using Enforcement.Runtime.PolicySets;

namespace Enforcement.Runtime.Clusters;

/// <summary>
/// Holds the <see cref="ClusterMap"/>. Its memory is rebuilt by traffic: every batch re-states each account's links,
/// so a restarted map regains an account's cluster with that account's next signals. When a new policy set changes the
/// linkage rules, the map starts over under the new ones.
/// </summary>
public sealed class ClusterMapGrain(ActivePolicySet activePolicies) : Grain, IClusterMapGrain
{
    private ClusterMap? map;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An idle map that deactivated would forget every link until traffic states them again.
        DelayDeactivation(TimeSpan.FromDays(365));
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<string?>> Resolve(ImmutableArray<AccountLinks> accounts)
    {
        var current = Map();
        var clusters = ImmutableArray.CreateBuilder<string?>(accounts.Length);
        foreach (var links in accounts)
            clusters.Add(current.Link(links.Account, links.Entities));
        return Task.FromResult(clusters.MoveToImmutable());
    }

    public Task<string?> ClusterOf(string account) => Task.FromResult(Map().ClusterOf(account));

    private ClusterMap Map()
    {
        var rules = activePolicies.Current.Set.Catalog.Clusters;
        if (map is null || !Equals(map.Rules, rules))
            map = new ClusterMap(rules);
        return map;
    }
}
