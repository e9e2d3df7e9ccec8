using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class LadderLiftTests
{
    [Fact]
    public void Lifts_the_challenge_in_force_and_keeps_the_rung()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        Assert.Equal(2, run.State.Rung);

        var lift = Assert.Single(run.Lift());

        Assert.Equal(TransitionKind.Lift, lift.Kind);
        Assert.Equal((2, 2), (lift.From, lift.To));
        Assert.Equal((run.Now, run.Now), (lift.At, lift.EffectiveAt));
        Assert.Equal([ActionKind.Challenge], lift.Actions.Kinds());
        Assert.Equal(2, run.State.Rung);
        Assert.Equal([ActionKind.Throttle], run.State.Actions.Kinds());
    }

    [Fact]
    public void Lifts_timed_and_untimed_challenges_of_every_rung_at_once()
    {
        var policy = PolicyWith(ladder: [Rung(Challenge("identity", TimeSpan.FromDays(7))), Rung(Challenge("payment"), Escalate("payments-fraud", "normal"))]);
        var run = new LadderRun(policy);
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));

        var lift = Assert.Single(run.Lift());

        Assert.Equal([1, 2], lift.Actions.Select(a => a.Rung));
        Assert.Equal([ActionKind.Escalate], run.State.Actions.Kinds());
    }

    [Fact]
    public void With_no_action_of_the_kind_in_force_nothing_is_lifted()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        var before = run.State;

        Assert.Empty(run.Lift());
        Assert.Equal(before.Actions, run.State.Actions);
        Assert.Equal(1, run.State.Rung);
    }

    [Fact]
    public void An_expired_challenge_is_reported_expired_not_lifted()
    {
        var run = new LadderRun(PolicyWith(ladder: [Rung(Challenge("identity", TimeSpan.FromHours(2)))]));
        run.Signal();
        run.Clock.Advance(TimeSpan.FromHours(3));

        var transitions = run.Lift();

        Assert.Equal([TransitionKind.Expire], transitions.Select(t => t.Kind));
        Assert.Empty(run.State.Actions);
    }

    [Fact]
    public void A_challenge_still_waiting_for_its_delay_stays()
    {
        var policy = PolicyWith(ladder: [DelayedRung(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(50), Challenge("identity"))]);
        var run = new LadderRun(policy);
        run.Signal();

        Assert.Empty(run.Lift());
        Assert.Single(run.State.Actions);
    }

    [Fact]
    public void A_condition_still_true_climbs_again_after_cooldown()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        run.Clock.Advance(TimeSpan.FromMinutes(10));
        run.Lift();

        Assert.Empty(run.SignalAfter(TimeSpan.FromMinutes(10)));
        var climb = Assert.Single(run.SignalAfter(TimeSpan.FromMinutes(40)));

        Assert.Equal((TransitionKind.Climb, 2, 3), (climb.Kind, climb.From, climb.To));
    }

    [Fact]
    public void A_lift_before_the_states_time_happens_at_the_states_time()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));

        var lift = Assert.Single(Ladder.Lift(run.Policy, run.State, ActionKind.Challenge, run.Now.AddHours(-1)).Transitions);

        Assert.Equal(run.Now, lift.At);
    }
}
