using System.Collections.Immutable;
using Enforcement.Runtime.Tests.Grains;

namespace Enforcement.Runtime.Tests.Entities;

/// <summary>
/// A test cluster whose policy set judges entities and clusters: a payment instrument shared by three accounts is
/// suspended, a proxy carrying two requests an hour is suspended after a delay, a cluster of five accounts is
/// throttled, and no linkage value links more than four accounts.
/// </summary>
public sealed class EntityCluster : RuntimeCluster
{
    protected override ImmutableSortedDictionary<string, string> Pack => Files;

    public static ImmutableSortedDictionary<string, string> Files { get; } = TestPacks.Files(
        ("ring.yaml", """
            apiVersion: enforcement/v1
            kind: Policy
            id: test.ring
            version: 1
            title: One instrument, three accounts
            owner: tests
            severity: high
            scope: payment
            when: members(1d) >= 3
            ladder:
              - suspend: { for: 30d }
            cooldown: 1h
            decay: 30d
            """),
        ("delayed.yaml", """
            apiVersion: enforcement/v1
            kind: Policy
            id: test.delayed
            version: 1
            title: A busy proxy, suspended out of step with its traffic
            owner: tests
            severity: high
            scope: proxy
            when: count(request, 1h) >= 2
            ladder:
              - suspend: { for: 1d }
                delay: 10m..2h
            cooldown: 1h
            decay: 30d
            """),
        ("cluster.yaml", """
            apiVersion: enforcement/v1
            kind: Policy
            id: test.cluster
            version: 1
            title: Five linked accounts
            owner: tests
            severity: high
            scope: cluster
            when: members(1d) >= 5
            ladder:
              - throttle: { rpm: 7, for: 1d }
            cooldown: 1h
            decay: 30d
            """)).SetItem("signals.yaml", TestPacks.Catalog.Replace("max_members: 200", "max_members: 4", StringComparison.Ordinal));
}
