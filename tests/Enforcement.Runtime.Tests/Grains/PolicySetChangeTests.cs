using Enforcement.Runtime.Accounts;

namespace Enforcement.Runtime.Tests.Grains;

/// <summary>A replaced policy set, on a cluster of its own: the other grain tests keep theirs.</summary>
public sealed class PolicySetChangeTests(RuntimeCluster cluster) : IClassFixture<RuntimeCluster>
{
    private static DateTimeOffset Start => RuntimeCluster.Start;

    private static string CotPolicy => """
        apiVersion: enforcement/v1
        kind: Policy
        id: test.cot
        version: 1
        title: Chain-of-thought harvesting
        owner: tests
        severity: high
        scope: account
        mode: enforce
        when: avg(cot_elicitation, 1h) >= 0.9
        ladder:
          - throttle: { rpm: 5, for: 1h }
        cooldown: 1m
        decay: 14d
        """;

    [Fact]
    public async Task An_account_moves_onto_a_new_set_with_its_rungs_kept_and_its_windows_recounted()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("mover");
        await grain.Ingest(TestSignals.Requests("mover-a", "mover", Start, 3));

        // Version 2 adds a policy reading another aggregate: the account layout changes, so windows must be rebuilt.
        var files = TestPacks.Burst(version: 2).Add("cot.yaml", CotPolicy);
        var replaced = await cluster.ReplacePolicySetAsync(files);
        var climb = await grain.Ingest(TestSignals.Requests("mover-b", "mover", Start.AddMinutes(2), 1));

        // count(request, 1h) is 4 only if the three signals seen under version 1 were counted again; the climb is to
        // rung 2 only if the rung reached under version 1 was carried.
        var decision = Assert.Single(climb.Decisions);
        Assert.Equal("test.burst", decision.Policy);
        Assert.Equal(2, decision.Version);
        Assert.Equal("rung 2", decision.To);
        var view = await grain.GetView();
        Assert.Equal(replaced.Version, view.PolicySetVersion);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await grain.GetView();
        Assert.Equal(view.Rungs.Select(r => (r.Policy, r.Rung)), after.Rungs.Select(r => (r.Policy, r.Rung)));
        Assert.Equal(view.Enforcement, after.Enforcement);
    }
}
