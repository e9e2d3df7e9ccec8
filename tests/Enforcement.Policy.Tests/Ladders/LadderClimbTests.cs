using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class LadderClimbTests
{
    [Fact]
    public void Stays_on_no_rung_while_the_condition_is_false()
    {
        var run = new LadderRun(CotElicitation());

        Assert.Empty(run.Signal(conditionTrue: false));
        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(2), conditionTrue: false));

        Assert.Equal(0, run.State.Rung);
        Assert.Empty(run.State.Actions);
        Assert.Null(run.State.LastTrueAt);
    }

    [Fact]
    public void Climbs_one_rung_when_condition_turns_true()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal(conditionTrue: false);
        run.Clock.Advance(TimeSpan.FromMinutes(5));

        var climb = Assert.Single(run.Signal());

        Assert.Equal(TransitionKind.Climb, climb.Kind);
        Assert.Equal((0, 1), (climb.From, climb.To));
        Assert.Equal(run.Now, climb.At);
        Assert.Equal(run.Now, climb.EffectiveAt);
        var throttle = Assert.Single(climb.Actions);
        Assert.Equal(new ActiveAction(1, Throttle(20, TimeSpan.FromHours(6)), run.Now, run.Now, run.Now.AddHours(6)), throttle);
        Assert.Equal(1, run.State.Rung);
        Assert.Equal(run.Now, run.State.LastClimbAt);
        Assert.Equal(run.Now, run.State.LastTrueAt);
        Assert.Equal<ActiveAction>([throttle], run.State.Actions);
    }

    [Fact]
    public void Does_not_climb_again_within_cooldown()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();

        Assert.Empty(run.SignalAfter(TimeSpan.FromMinutes(30)));
        Assert.Empty(run.SignalAfter(TimeSpan.FromMinutes(29)));

        Assert.Equal(1, run.State.Rung);
        Assert.Equal(Start, run.State.LastClimbAt);
        Assert.Equal(Start.AddMinutes(59), run.State.LastTrueAt);
    }

    [Fact]
    public void Climbs_again_when_still_true_after_cooldown()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();

        var climb = Assert.Single(run.SignalAfter(TimeSpan.FromHours(1)));

        Assert.Equal(TransitionKind.Climb, climb.Kind);
        Assert.Equal((1, 2), (climb.From, climb.To));
        Assert.Equal(Start.AddHours(1), climb.At);
        Assert.Equal([ActionKind.Challenge], climb.Actions.Kinds());
        // The throttle of rung 1 stays: a subject holds what every rung below it gave.
        Assert.Equal([ActionKind.Throttle, ActionKind.Challenge], run.State.Actions.Kinds());
    }

    [Fact]
    public void Does_not_climb_when_the_condition_is_false_after_cooldown()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();

        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(2), conditionTrue: false));

        Assert.Equal(1, run.State.Rung);
    }

    [Fact]
    public void Stops_at_the_top_rung()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        var top = Assert.Single(run.SignalAfter(TimeSpan.FromHours(1)));
        Assert.Equal((2, 3), (top.From, top.To));
        Assert.Equal([ActionKind.Suspend, ActionKind.Escalate], top.Actions.Kinds());

        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(1)));
        Assert.Equal([TransitionKind.Expire], run.SignalAfter(TimeSpan.FromDays(1)).Select(t => t.Kind));

        Assert.Equal(3, run.State.Rung);
        Assert.Single(run.State.Actions, a => a.Action.Kind == ActionKind.Suspend);
    }

    [Fact]
    public void Does_not_renew_the_top_rung_while_its_suspension_runs()
    {
        var run = ClimbedToTheTop();

        run.SignalAfter(TimeSpan.FromDays(10));
        run.SignalAfter(TimeSpan.FromDays(10));
        run.SignalAfter(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(run.Transitions, t => t.Kind == TransitionKind.Renew);
        Assert.Equal(3, run.State.Rung);
        Assert.Single(run.State.Actions, a => a.Action.Kind == ActionKind.Suspend);
    }

    [Fact]
    public void Renews_the_top_rung_when_still_true_after_its_timed_suspension_expired()
    {
        var run = ClimbedToTheTop();
        var climbedAt = run.Now;
        run.SignalAfter(TimeSpan.FromDays(10));
        run.SignalAfter(TimeSpan.FromDays(10));

        var transitions = run.SignalAfter(TimeSpan.FromDays(10));

        Assert.Equal([TransitionKind.Expire, TransitionKind.Renew], transitions.Select(t => t.Kind));
        var expire = transitions[0];
        Assert.Equal(climbedAt.AddDays(30), expire.At);
        Assert.Equal([ActionKind.Suspend], expire.Actions.Kinds());
        var renew = transitions[1];
        Assert.Equal((3, 3), (renew.From, renew.To));
        Assert.Equal(run.Now, renew.At);
        Assert.Equal([ActionKind.Suspend, ActionKind.Escalate], renew.Actions.Kinds());
        Assert.Equal(run.Now.AddDays(30), renew.Actions[0].Until);
        // The fresh escalation replaces the first one instead of standing beside it.
        Assert.Equal([ActionKind.Challenge, ActionKind.Suspend, ActionKind.Escalate], run.State.Actions.Kinds());
        Assert.All(run.State.Actions.Where(a => a.Rung == 3), a => Assert.Equal(run.Now, a.TakenAt));
        Assert.Equal(run.Now, run.State.LastClimbAt);
    }

    [Fact]
    public void Does_not_renew_within_cooldown_of_the_last_renewal()
    {
        var policy = PolicyWith(cooldown: TimeSpan.FromHours(1), ladder: [Rung(Suspend(TimeSpan.FromMinutes(10)))]);
        var run = new LadderRun(policy);
        run.Signal();

        Assert.Equal([TransitionKind.Expire], run.SignalAfter(TimeSpan.FromMinutes(30)).Select(t => t.Kind));
        Assert.Equal([TransitionKind.Renew], run.SignalAfter(TimeSpan.FromMinutes(30)).Select(t => t.Kind));
        Assert.Equal([TransitionKind.Expire], run.SignalAfter(TimeSpan.FromMinutes(50)).Select(t => t.Kind));
        Assert.Equal([TransitionKind.Renew], run.SignalAfter(TimeSpan.FromMinutes(10)).Select(t => t.Kind));
    }

    [Fact]
    public void Never_renews_a_top_rung_without_timed_actions()
    {
        var run = new LadderRun(PolicyWith(ladder: [Rung(Challenge("identity"))]));
        run.Signal();

        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(2)));
        Assert.Empty(run.SignalAfter(TimeSpan.FromDays(3)));

        var challenge = Assert.Single(run.State.Actions);
        Assert.Equal(Start, challenge.TakenAt);
    }

    [Fact]
    public void A_late_signal_is_judged_at_the_time_the_ladder_has_reached()
    {
        var policy = CotElicitation();
        var advanced = Ladder.Advance(policy, LadderState.Initial, Start.AddHours(1)).State;

        var outcome = Ladder.Evaluate(policy, advanced, conditionTrue: true, Start, "account:a-42");

        var climb = Assert.Single(outcome.Transitions);
        Assert.Equal(Start.AddHours(1), climb.At);
        Assert.Equal(Start.AddHours(1), outcome.State.LastTrueAt);
        Assert.Equal(Start.AddHours(1), outcome.State.AsOf);
    }

    [Fact]
    public void Advancing_to_an_earlier_time_changes_nothing()
    {
        var policy = CotElicitation();
        var state = Ladder.Evaluate(policy, LadderState.Initial, conditionTrue: true, Start.AddHours(1), "account:a-42").State;

        var outcome = Ladder.Advance(policy, state, Start);

        Assert.Equal(state, outcome.State);
        Assert.Empty(outcome.Transitions);
    }

    private static LadderRun ClimbedToTheTop()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        run.SignalAfter(TimeSpan.FromHours(1));
        Assert.Equal(3, run.State.Rung);
        return run;
    }
}
