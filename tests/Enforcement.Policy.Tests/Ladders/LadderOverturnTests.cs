using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class LadderOverturnTests
{
    [Fact]
    public void Overturning_the_suspension_takes_back_its_rung_and_keeps_what_the_rungs_below_took()
    {
        var run = ClimbToTop();

        var overturn = Assert.Single(run.Overturn(3));

        Assert.Equal(TransitionKind.Overturn, overturn.Kind);
        Assert.Equal((3, 2), (overturn.From, overturn.To));
        Assert.Equal([ActionKind.Suspend, ActionKind.Escalate], overturn.Actions.Kinds());
        Assert.Equal(2, run.State.Rung);
        Assert.Equal([ActionKind.Throttle, ActionKind.Challenge], run.State.Actions.Kinds());
    }

    [Fact]
    public void Overturning_the_first_climb_takes_back_every_rung_built_on_it()
    {
        var run = ClimbToTop();

        var overturn = Assert.Single(run.Overturn(1));

        Assert.Equal((3, 0), (overturn.From, overturn.To));
        Assert.Equal(0, run.State.Rung);
        Assert.Empty(run.State.Actions);
    }

    [Fact]
    public void After_an_overturn_the_condition_still_true_climbs_again_only_after_the_longer_of_cooldown_and_decay()
    {
        var policy = PolicyWith(ladder: [Rung(Throttle(20)), Rung(Suspend())], cooldown: TimeSpan.FromHours(1), decay: TimeSpan.FromDays(2));
        var run = new LadderRun(policy);
        run.Signal();
        run.Overturn(1);

        Assert.Empty(run.SignalAfter(TimeSpan.FromHours(2)));
        Assert.Equal(0, run.State.Rung);
        Assert.Equal(run.Now.AddHours(-2).AddDays(2), run.State.OverturnedUntil);

        var climb = Assert.Single(run.SignalAfter(TimeSpan.FromDays(2)));
        Assert.Equal(TransitionKind.Climb, climb.Kind);
        Assert.Equal(1, run.State.Rung);
    }

    [Fact]
    public void A_delayed_action_not_yet_in_force_is_taken_back_too()
    {
        var policy = PolicyWith(ladder: [DelayedRung(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2), Suspend())]);
        var run = new LadderRun(policy);
        run.Signal();
        Assert.True(run.State.Actions[0].EffectiveAt > run.Now);

        var overturn = Assert.Single(run.Overturn(1));

        Assert.Equal([ActionKind.Suspend], overturn.Actions.Kinds());
        Assert.Empty(run.State.Actions);
        Assert.Null(Ladder.NextDue(policy, run.State));
    }

    [Fact]
    public void A_climb_whose_actions_expired_still_loses_its_rung()
    {
        var policy = PolicyWith(ladder: [Rung(Throttle(20, TimeSpan.FromHours(1))), Rung(Suspend())]);
        var run = new LadderRun(policy);
        run.Signal();
        run.Wait(TimeSpan.FromHours(2));
        Assert.Empty(run.State.Actions);

        var overturn = Assert.Single(run.Overturn(1));

        Assert.Empty(overturn.Actions);
        Assert.Equal((1, 0), (overturn.From, overturn.To));
    }

    private static LadderRun ClimbToTop()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        run.SignalAfter(TimeSpan.FromHours(1));
        Assert.Equal(3, run.State.Rung);
        return run;
    }
}
