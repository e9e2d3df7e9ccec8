using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Tests.Entities;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Accounts;

/// <summary>What an account does with an entity's actions, without a silo.</summary>
public sealed class InheritanceLedgerTests
{
    private static readonly PolicySetVersion Pack = new(1, TestPacks.Compile(EntityCluster.Files));
    private static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static InheritedAction Action(string kind, int rung, string decision, DateTimeOffset? effective = null) =>
        new("test.ring", rung, kind, kind == "throttle" ? 5 : null, kind == "challenge" ? "identity" : null, Start, effective ?? Start, Start.AddDays(1), decision);

    [Fact]
    public void Every_action_begun_at_once_is_one_chained_record_and_the_state_takes_the_most_severe()
    {
        var ledger = new AccountLedger("a-1", Pack);
        var actions = new InheritedActions("payment:p", 1, [Action("throttle", 1, "d-1"), Action("challenge", 2, "d-2"), Action("suspend", 3, "d-3")], Start);

        var step = ledger.Apply(new InheritActions(1, actions));

        Assert.Equal(["d-1", "d-2", "d-3"], step.Decisions.Select(d => d.Inherited));
        Assert.All(step.Decisions, d => Assert.Equal("inherit", d.Kind));
        Assert.Equal([1L, 2L, 3L], step.Records.Select(r => r.Seq));
        Assert.Equal(step.Records[1].Hash, step.Records[2].Prev);
        Assert.Equal("suspended", Assert.IsType<Enforcement.Store.Changes.EnforcementChange>(step.Change).State);
    }

    [Fact]
    public void An_older_version_changes_nothing_and_a_newer_empty_one_releases_every_action()
    {
        var ledger = new AccountLedger("a-1", Pack);
        ledger.Apply(new InheritActions(1, new InheritedActions("payment:p", 2, [Action("suspend", 1, "d-1")], Start)));

        Assert.True(ledger.Inherited.Holds("payment:p", 1));
        var released = ledger.Apply(new InheritActions(1, new InheritedActions("payment:p", 3, [], Start.AddHours(1))));

        var record = Assert.Single(released.Decisions);
        Assert.Equal(("release", "d-1"), (record.Kind, record.Inherited));
        Assert.Equal("allow", released.Change!.State);
        Assert.True(ledger.Inherited.IsEmpty);
    }

    [Fact]
    public void A_delayed_action_sets_the_timer_at_its_effect_and_replay_gives_the_same_chain()
    {
        var ledger = new AccountLedger("a-1", Pack);
        var effective = Start.AddMinutes(42);
        var step = ledger.Apply(new InheritActions(1, new InheritedActions("proxy:x", 1, [Action("suspend", 1, "d-9", effective)], Start)));

        Assert.Equal(effective, step.Timer!.Due);
        Assert.Null(step.Change);

        var replayed = new AccountLedger("a-1", Pack);
        replayed.Apply(CommandCodec.Decode(step.Entry));
        Assert.Equal(ledger.Tail, replayed.Tail);
        Assert.Equal(effective, replayed.NextDue);
    }
}
