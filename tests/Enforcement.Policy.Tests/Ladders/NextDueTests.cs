using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class NextDueTests
{
    [Fact]
    public void Nothing_is_due_for_a_subject_on_no_rung()
    {
        Assert.Null(Ladder.NextDue(CotElicitation(), LadderState.Initial));
    }

    [Fact]
    public void Next_due_is_the_earliest_expiry()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();

        Assert.Equal(Start.AddHours(6), Ladder.NextDue(run.Policy, run.State));
    }

    [Fact]
    public void Next_due_is_the_decay_step_when_nothing_expires_sooner()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.Wait(TimeSpan.FromHours(6));

        Assert.Equal(Start.AddDays(14), Ladder.NextDue(run.Policy, run.State));
    }

    [Fact]
    public void Next_due_is_when_a_delayed_action_takes_effect()
    {
        var policy = PolicyWith(ladder: [DelayedRung(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2), Suspend(TimeSpan.FromDays(1)))]);
        var run = new LadderRun(policy);
        var climb = Assert.Single(run.Signal());

        Assert.Equal(climb.EffectiveAt, Ladder.NextDue(run.Policy, run.State));

        run.Wait(climb.EffectiveAt - run.Now);
        Assert.Equal(climb.EffectiveAt.AddDays(1), Ladder.NextDue(run.Policy, run.State));
    }

    [Fact]
    public void Advancing_to_next_due_changes_something_and_just_before_it_nothing()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));
        run.SignalAfter(TimeSpan.FromHours(1));

        // Walk the whole life of the ladder timer by timer, as the scheduler would.
        var fired = 0;
        while (Ladder.NextDue(run.Policy, run.State) is { } due)
        {
            Assert.True(due > run.Now);
            Assert.Empty(Ladder.Advance(run.Policy, run.State, due.AddTicks(-1)).Transitions);
            var transitions = run.Wait(due - run.Now);
            Assert.NotEmpty(transitions);
            Assert.All(transitions, t => Assert.Equal(due, t.At));
            fired++;
        }

        Assert.Equal(0, run.State.Rung);
        Assert.Empty(run.State.Actions);
        Assert.Equal(5, fired);
    }
}
