using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class LadderDecayTests
{
    [Fact]
    public void Decays_one_rung_per_decay_period_at_the_exact_due_times()
    {
        var run = ClimbedToTheTop();
        var lastTrue = run.Now;

        run.Wait(TimeSpan.FromDays(50));

        var steps = run.Transitions.Where(t => t.Kind == TransitionKind.StepDown).ToList();
        Assert.Equal([(3, 2), (2, 1), (1, 0)], steps.Select(t => (t.From, t.To)));
        Assert.Equal([lastTrue.AddDays(14), lastTrue.AddDays(28), lastTrue.AddDays(42)], steps.Select(t => t.At));
        Assert.Equal(0, run.State.Rung);
        Assert.Equal(lastTrue.AddDays(42), run.State.LastStepDownAt);
        Assert.Null(Ladder.NextDue(run.Policy, run.State));
    }

    [Fact]
    public void Reports_the_timers_in_the_order_they_were_due()
    {
        var run = ClimbedToTheTop();
        var lastTrue = run.Now;

        run.Wait(TimeSpan.FromDays(50));

        Assert.Equal(
            [
                (TransitionKind.Expire, Start.AddHours(6)),
                (TransitionKind.StepDown, lastTrue.AddDays(14)),
                (TransitionKind.StepDown, lastTrue.AddDays(28)),
                (TransitionKind.Expire, lastTrue.AddDays(30)),
                (TransitionKind.StepDown, lastTrue.AddDays(42)),
            ],
            run.Transitions.Skip(3).Select(t => (t.Kind, t.At)));
    }

    [Fact]
    public void Does_not_step_down_before_decay_has_passed()
    {
        var run = ClimbedToTheTop();

        run.Wait(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));

        Assert.Equal(3, run.State.Rung);
        Assert.DoesNotContain(run.Transitions, t => t.Kind == TransitionKind.StepDown);
    }

    [Fact]
    public void Stepping_down_lifts_untimed_actions_of_the_rung_left_but_timed_ones_run_their_course()
    {
        var run = ClimbedToTheTop();
        var lastTrue = run.Now;

        var first = Assert.Single(run.Wait(TimeSpan.FromDays(14)), t => t.Kind == TransitionKind.StepDown);
        Assert.Equal([ActionKind.Escalate], first.Actions.Kinds());
        Assert.Equal([ActionKind.Challenge, ActionKind.Suspend], run.State.Actions.Kinds());
        Assert.True(run.State.Actions.Single(a => a.Action.Kind == ActionKind.Suspend).InForceAt(run.Now));

        var second = Assert.Single(run.Wait(TimeSpan.FromDays(14)));
        Assert.Equal(TransitionKind.StepDown, second.Kind);
        Assert.Equal([ActionKind.Challenge], second.Actions.Kinds());
        // Now on rung 1, yet still suspended: the suspension has its own end.
        Assert.Equal([ActionKind.Suspend], run.State.Actions.Kinds());

        var expiry = Assert.Single(run.Wait(TimeSpan.FromDays(2)));
        Assert.Equal(TransitionKind.Expire, expiry.Kind);
        Assert.Equal(lastTrue.AddDays(30), expiry.At);
        Assert.Empty(run.State.Actions);
        Assert.Equal(1, run.State.Rung);
    }

    [Fact]
    public void A_throttle_for_6h_expires_by_itself()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();

        Assert.Empty(run.Wait(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1)));
        Assert.True(run.State.Actions[0].InForceAt(run.Now));

        var expiry = Assert.Single(run.Wait(TimeSpan.FromSeconds(1)));
        Assert.Equal(TransitionKind.Expire, expiry.Kind);
        Assert.Equal(Start.AddHours(6), expiry.At);
        Assert.Equal((1, 1), (expiry.From, expiry.To));
        Assert.Equal([ActionKind.Throttle], expiry.Actions.Kinds());
        Assert.Empty(run.State.Actions);
        // Expiry is not decay: the subject stays on its rung and climbs from there.
        Assert.Equal(1, run.State.Rung);
    }

    [Fact]
    public void A_true_condition_postpones_decay()
    {
        var run = new LadderRun(PolicyWith(ladder: [Rung(Challenge("identity"))]));
        run.Signal();
        run.SignalAfter(TimeSpan.FromDays(10));

        Assert.Empty(run.Wait(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1)));

        var step = Assert.Single(run.Wait(TimeSpan.FromSeconds(1)));
        Assert.Equal(TransitionKind.StepDown, step.Kind);
        Assert.Equal(Start.AddDays(24), step.At);
    }

    [Fact]
    public void Decay_counts_again_from_the_last_step_down()
    {
        var run = new LadderRun(PolicyWith(decay: TimeSpan.FromDays(1), ladder: [Rung(Observe()), Rung(Challenge("identity"))]));
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));

        var first = Assert.Single(run.Wait(TimeSpan.FromDays(1) + TimeSpan.FromHours(12)));
        Assert.Equal(Start.AddHours(1).AddDays(1), first.At);
        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(11), conditionTrue: false));

        var second = Assert.Single(run.Wait(TimeSpan.FromHours(1)));
        Assert.Equal((1, 0), (second.From, second.To));
        Assert.Equal(Start.AddHours(1).AddDays(2), second.At);
    }

    [Fact]
    public void Climbs_back_at_once_when_true_again_after_stepping_down()
    {
        var run = new LadderRun(PolicyWith(decay: TimeSpan.FromDays(1), ladder: [Rung(Observe()), Rung(Challenge("identity"))]));
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        run.Wait(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.Equal(1, run.State.Rung);

        var climb = Assert.Single(run.SignalAfter(TimeSpan.FromMinutes(1)));

        Assert.Equal((1, 2), (climb.From, climb.To));
        Assert.Equal([ActionKind.Observe, ActionKind.Challenge], run.State.Actions.Kinds());
    }

    [Fact]
    public void Advancing_in_one_step_or_day_by_day_gives_the_same_outcome()
    {
        var oneStep = ClimbedToTheTop();
        var dayByDay = ClimbedToTheTop();

        oneStep.Wait(TimeSpan.FromDays(45));
        for (var day = 0; day < 45; day++)
            dayByDay.Wait(TimeSpan.FromDays(1));

        Assert.Equal(oneStep.State, dayByDay.State);
        Assert.Equal<LadderTransition>(oneStep.Transitions, dayByDay.Transitions);
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
