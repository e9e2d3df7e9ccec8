using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Clusters;
using Enforcement.Runtime.Entities;
using Enforcement.Runtime.Timers;
using Enforcement.Store.Audit;
using Microsoft.Extensions.DependencyInjection;
using static Enforcement.Runtime.Tests.Entities.EntitySignals;

namespace Enforcement.Runtime.Tests.Entities;

/// <summary>Entities and clusters on a two-silo cluster: fan-out, inheritance by late joiners, delay, merge, guard rails.</summary>
public sealed class EntityTests(EntityCluster cluster) : IClassFixture<EntityCluster>
{
    private static DateTimeOffset Start => Grains.RuntimeCluster.Start;

    [Fact]
    public async Task A_payment_ring_decision_reaches_every_member_and_each_audits_it_with_the_entity_decision()
    {
        cluster.SetTime(Start.AddHours(1));
        foreach (var (account, minute) in new[] { ("fan-1", 0), ("fan-2", 1), ("fan-3", 2) })
            await Account(account).Ingest(Payment(account, "card-fan", Start.AddMinutes(minute)));

        var entity = await cluster.Grains.GetGrain<IEntityGrain>("payment:card-fan").GetView();
        var held = Assert.Single(entity.Actions.Actions);
        Assert.Equal("suspend", held.Kind);
        Assert.Equal(3, entity.Members);
        var climb = Assert.Single(await cluster.Store.ReadAuditAsync("payment:card-fan", 0, 10));
        var decision = AuditChain.Deserialize(climb.Body).Decision;
        Assert.Equal(decision, held.Decision);

        foreach (var account in new[] { "fan-1", "fan-2", "fan-3" })
        {
            await Eventually(async () => (await Account(account).GetEnforcement()).State == "suspended", $"{account} suspended");
            var reason = Assert.Single((await Account(account).GetEnforcement()).Reasons);
            Assert.Equal(("payment:card-fan", "test.ring", decision), (reason.Subject, reason.Policy, reason.Decision));
            var records = await cluster.Store.ReadAuditAsync("account:" + account, 0, 10);
            var inherit = Assert.Single(records, r => AuditChain.Deserialize(r.Body).Kind == "inherit");
            Assert.Equal(decision, AuditChain.Deserialize(inherit.Body).Inherited);
        }
    }

    [Fact]
    public async Task An_account_joining_a_suspended_instrument_is_suspended_by_its_first_signal()
    {
        cluster.SetTime(Start.AddHours(4));
        foreach (var (account, minute) in new[] { ("ring-1", 0), ("ring-2", 1), ("ring-3", 2) })
            await Account(account).Ingest(Payment(account, "card-late", Start.AddMinutes(minute)));

        var first = await Account("fresh").Ingest(Payment("fresh", "card-late", Start.AddHours(3)));

        var inherited = Assert.Single(first.Decisions);
        Assert.Equal(("account:fresh", "inherit", "suspend"), (inherited.Subject, inherited.Kind, inherited.Action));
        var state = await Account("fresh").GetEnforcement();
        Assert.Equal("suspended", state.State);
        Assert.Equal("payment:card-late", Assert.Single(state.Reasons).Subject);
        var record = AuditChain.Deserialize(Assert.Single(await cluster.Store.ReadAuditAsync("account:fresh", 0, 10)).Body);
        Assert.Equal(Assert.Single((await cluster.Grains.GetGrain<IEntityGrain>("payment:card-late").GetView()).Actions.Actions).Decision, record.Inherited);
    }

    [Fact]
    public async Task Overturning_an_inherited_suspension_frees_that_member_only_and_the_entitys_next_spreads_pass_it_by()
    {
        cluster.SetTime(Start.AddHours(5));
        foreach (var (account, minute) in new[] { ("waive-1", 0), ("waive-2", 1), ("waive-3", 2) })
            await Account(account).Ingest(Payment(account, "card-waive", Start.AddMinutes(minute)));
        await Eventually(async () => (await Account("waive-2").GetEnforcement()).State == "suspended", "waive-2 suspended");
        var decision = Assert.Single((await Account("waive-2").GetEnforcement()).Reasons).Decision!;

        var outcome = new Cases.CaseOutcome(Cases.CaseOutcome.Overturn, ["alice"], "family card", Start.AddHours(4));
        var reviewed = await Account("waive-2").Review("c-waive", outcome, [decision]);

        Assert.Equal(("overturn", "suspend"), (reviewed.Decisions.Single().Kind, reviewed.Decisions.Single().Action));
        Assert.Equal("allow", (await Account("waive-2").GetEnforcement()).State);
        Assert.Equal("suspended", (await Account("waive-1").GetEnforcement()).State);
        var record = AuditChain.Deserialize((await cluster.Store.ReadAuditTailAsync("account:waive-2"))!.Body);
        Assert.Equal(("overturn", "alice", decision), (record.Kind, record.Actor, record.Inherited));

        // More signals on the card: the entity answers with its actions again, and the member does not take them back.
        var again = await Account("waive-2").Ingest(Payment("waive-2", "card-waive", Start.AddHours(3)));
        Assert.Empty(again.Decisions);
        Assert.Equal("allow", (await Account("waive-2").GetEnforcement()).State);
        Assert.Empty((await Account("waive-2").Review("c-waive", outcome, [decision])).Decisions);
    }

    [Fact]
    public async Task A_delayed_rung_takes_effect_at_the_time_drawn_from_the_subject_and_the_decision()
    {
        cluster.SetTime(Start.AddMinutes(2));
        var at = Start.AddMinutes(1);
        await Account("slow").Ingest(Request("slow-1", "slow", Start, ("proxy", "px-delay")));
        await Account("slow").Ingest(Request("slow-2", "slow", at, ("proxy", "px-delay")));

        var record = AuditChain.Deserialize(Assert.Single(await cluster.Store.ReadAuditAsync("proxy:px-delay", 0, 10)).Body);
        var drawn = Delay.Draw(new DelayRange(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2)), "proxy:px-delay", "test.delayed", 1, at);
        Assert.Equal(at + drawn, record.EffectiveAt);
        Assert.Equal(at, record.At);

        // Taken and inherited, not yet in force: the account is served until the drawn time.
        await Eventually(async () => (await Account("slow").GetView()).LinkedEntities.Contains("proxy:px-delay"), "slow linked to its proxy");
        var before = await Account("slow").GetEnforcement();
        Assert.Equal("allow", before.State);

        cluster.SetTime(record.EffectiveAt);
        await cluster.SiloServices.First().GetRequiredService<DueSubjects>().AdvanceAsync(record.EffectiveAt);
        var after = await Account("slow").GetEnforcement();
        Assert.Equal("suspended", after.State);
        Assert.Equal("proxy:px-delay", Assert.Single(after.Reasons).Subject);
        var changes = await cluster.Store.ReadChangesAsync(0, 10_000);
        Assert.Contains(changes, c => c.Change.Account == "slow" && c.Change.State == "suspended" && c.Change.At == record.EffectiveAt);
    }

    [Fact]
    public async Task Two_clusters_merge_through_an_account_that_links_both_and_the_merged_cluster_judges_them_as_one()
    {
        var map = cluster.Grains.GetGrain<IClusterMapGrain>(0);
        var at = Start.AddMinutes(5);
        cluster.SetTime(Start.AddHours(1));
        await Account("m-1").Ingest(Request("m-1-a", "m-1", at, ("device", "dev-left")));
        await Account("m-2").Ingest(Request("m-2-a", "m-2", at, ("device", "dev-left")));
        await Account("m-3").Ingest(Request("m-3-a", "m-3", at, ("device", "dev-right")));
        await Account("m-4").Ingest(Request("m-4-a", "m-4", at, ("device", "dev-right")));
        var left = await map.ClusterOf("m-1");
        var right = await map.ClusterOf("m-3");
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.NotEqual(left, right);

        await Account("m-5").Ingest([.. Request("m-5-a", "m-5", at, ("device", "dev-left")), .. Request("m-5-b", "m-5", at, ("device", "dev-right"))]);
        var merged = await map.ClusterOf("m-5");
        Assert.Contains(merged, new[] { left, right });
        foreach (var account in new[] { "m-1", "m-2", "m-3", "m-4" })
            Assert.Equal(merged, await map.ClusterOf(account));

        // The merged cluster counts its members from their next signals: five accounts trip its policy.
        foreach (var account in new[] { "m-1", "m-2", "m-3", "m-4", "m-5" })
            await Account(account).Ingest(Request($"{account}-z", account, at.AddMinutes(1), ("device", account == "m-5" ? "dev-left" : account is "m-1" or "m-2" ? "dev-left" : "dev-right")));
        foreach (var account in new[] { "m-1", "m-2", "m-3", "m-4", "m-5" })
        {
            await Eventually(async () => (await Account(account).GetEnforcement()).State == "throttle", $"{account} throttled");
            var state = await Account(account).GetEnforcement();
            Assert.Equal(7, state.Rpm);
            Assert.Equal(merged, Assert.Single(state.Reasons).Subject);
        }
        var view = await cluster.Grains.GetGrain<IEntityGrain>(merged!).GetView();
        Assert.Equal(5, view.Members);
    }

    [Fact]
    public async Task A_value_shared_by_more_accounts_than_the_limit_links_none_of_them()
    {
        var map = cluster.Grains.GetGrain<IClusterMapGrain>(0);
        var at = Start.AddMinutes(10);
        for (var i = 1; i <= 4; i++)
            await Account($"carrier-{i}").Ingest(Request($"carrier-{i}-a", $"carrier-{i}", at, ("ip_prefix", "198.51.100.0/24")));
        var welded = await map.ClusterOf("carrier-1");
        Assert.NotNull(welded);
        Assert.Equal(welded, await map.ClusterOf("carrier-4"));

        // The fifth account is one more than the catalog's max_members: the prefix stops linking, and what it welded comes apart.
        await Account("carrier-5").Ingest(Request("carrier-5-a", "carrier-5", at, ("ip_prefix", "198.51.100.0/24")));
        for (var i = 1; i <= 5; i++)
            Assert.Null(await map.ClusterOf($"carrier-{i}"));

        // Two of them also share an instrument: that still links them, and only them.
        await Account("carrier-1").Ingest(Payment("carrier-1", "family-card", at));
        await Account("carrier-2").Ingest(Payment("carrier-2", "family-card", at));
        var family = await map.ClusterOf("carrier-1");
        Assert.NotNull(family);
        Assert.Equal(family, await map.ClusterOf("carrier-2"));
        Assert.Null(await map.ClusterOf("carrier-3"));
    }

    [Fact]
    public async Task Strangers_behind_one_proxy_exit_are_not_linked_by_it()
    {
        var map = cluster.Grains.GetGrain<IClusterMapGrain>(0);
        var at = Start.AddMinutes(20);
        await Account("exit-1").Ingest(Request("exit-1-a", "exit-1", at, ("proxy", "px-exit"), ("ip_prefix", "100.64.0.0/24")));
        await Account("exit-2").Ingest(Request("exit-2-a", "exit-2", at, ("proxy", "px-exit"), ("ip_prefix", "100.64.0.0/24")));

        Assert.Null(await map.ClusterOf("exit-1"));
        Assert.Null(await map.ClusterOf("exit-2"));

        // The same address reached directly is the accounts' own: it links them.
        await Account("exit-1").Ingest(Request("exit-1-b", "exit-1", at, ("ip_prefix", "100.64.0.0/24")));
        await Account("exit-2").Ingest(Request("exit-2-b", "exit-2", at, ("ip_prefix", "100.64.0.0/24")));
        Assert.NotNull(await map.ClusterOf("exit-1"));
        Assert.Equal(await map.ClusterOf("exit-1"), await map.ClusterOf("exit-2"));
    }

    private IAccountGrain Account(string id) => cluster.Grains.GetGrain<IAccountGrain>(id);
}
