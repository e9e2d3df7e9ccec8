using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class DelayTests
{
    private static readonly DelayRange TenMinutesToTwoHours = new(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2));

    [Fact]
    public void Delayed_actions_take_effect_at_taken_at_plus_the_drawn_delay()
    {
        var policy = PolicyWith(id: "distillation.proxy-ring", ladder: [DelayedRung(TenMinutesToTwoHours.Min, TenMinutesToTwoHours.Max, Suspend(TimeSpan.FromDays(30)))]);
        var run = new LadderRun(policy, subject: "payment:9f3a");
        var delay = Delay.Draw(TenMinutesToTwoHours, "payment:9f3a", "distillation.proxy-ring", 1, Start);

        var climb = Assert.Single(run.Signal());

        Assert.Equal(Start, climb.At);
        Assert.Equal(Start + delay, climb.EffectiveAt);
        var suspension = Assert.Single(climb.Actions);
        Assert.Equal(Start, suspension.TakenAt);
        Assert.Equal(Start + delay, suspension.EffectiveAt);
        Assert.Equal(Start + delay + TimeSpan.FromDays(30), suspension.Until);
        Assert.False(suspension.InForceAt(run.Now));

        Assert.Empty(run.Wait(delay - TimeSpan.FromSeconds(1)));

        var takeEffect = Assert.Single(run.Wait(TimeSpan.FromSeconds(1)));
        Assert.Equal(TransitionKind.TakeEffect, takeEffect.Kind);
        Assert.Equal(Start + delay, takeEffect.At);
        Assert.Equal((1, 1), (takeEffect.From, takeEffect.To));
        Assert.Equal<ActiveAction>([suspension], takeEffect.Actions);
        Assert.True(suspension.InForceAt(run.Now));
    }

    [Fact]
    public void A_delayed_action_takes_effect_once_however_the_timers_run()
    {
        var policy = PolicyWith(ladder: [DelayedRung(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), Throttle(5))]);
        var run = new LadderRun(policy);
        run.Signal();

        for (var minute = 0; minute < 30; minute++)
            run.Wait(TimeSpan.FromMinutes(1));
        run.SignalAfter(TimeSpan.FromMinutes(1), conditionTrue: false);

        Assert.Single(run.Transitions, t => t.Kind == TransitionKind.TakeEffect);
    }

    [Fact]
    public void A_rung_without_delay_takes_effect_when_taken()
    {
        var run = new LadderRun(CotElicitation());

        var climb = Assert.Single(run.Signal());

        Assert.Equal(climb.At, climb.EffectiveAt);
        Assert.True(climb.Actions[0].InForceAt(run.Now));
        Assert.DoesNotContain(run.Wait(TimeSpan.FromHours(1)), t => t.Kind == TransitionKind.TakeEffect);
    }

    [Fact]
    public void Draw_is_deterministic()
    {
        var first = Delay.Draw(TenMinutesToTwoHours, "account:a-42", "distillation.cot-elicitation", 2, Start);
        var second = Delay.Draw(TenMinutesToTwoHours, "account:a-42", "distillation.cot-elicitation", 2, Start);
        // The same instant written with another offset is the same decision.
        var shifted = Delay.Draw(TenMinutesToTwoHours, "account:a-42", "distillation.cot-elicitation", 2, Start.ToOffset(TimeSpan.FromHours(9)));

        Assert.Equal(first, second);
        Assert.Equal(first, shifted);
    }

    [Fact]
    public void Draw_stays_within_its_range_in_whole_seconds()
    {
        var draws = Gen.Select(Gen.String, Gen.String, Gen.Int[1, 10], Gen.Long[0, 1_000_000_000]);

        draws.Sample((subject, policyId, rung, seconds) =>
        {
            var delay = Delay.Draw(TenMinutesToTwoHours, subject, policyId, rung, Start.AddSeconds(seconds));
            Assert.InRange(delay, TenMinutesToTwoHours.Min, TenMinutesToTwoHours.Max);
            Assert.Equal(0, delay.Ticks % TimeSpan.TicksPerSecond);
        });
    }

    [Fact]
    public void Draw_differs_across_subjects()
    {
        var delays = Enumerable.Range(1, 200)
            .Select(i => Delay.Draw(TenMinutesToTwoHours, $"account:a-{i}", "distillation.cot-elicitation", 1, Start))
            .ToList();

        Assert.True(delays.Distinct().Count() >= 190, $"only {delays.Distinct().Count()} distinct delays in 200");
        // Uniform-ish: every quarter of the range is drawn about a quarter of the time.
        var quarter = (TenMinutesToTwoHours.Max - TenMinutesToTwoHours.Min) / 4;
        var counts = delays.GroupBy(d => Math.Min(3, (int)((d - TenMinutesToTwoHours.Min) / quarter))).Select(g => g.Count()).ToList();
        Assert.Equal(4, counts.Count);
        Assert.All(counts, count => Assert.InRange(count, 25, 75));
    }

    [Fact]
    public void Draw_differs_across_policies_rungs_and_times_taken()
    {
        var subject = "account:a-42";
        var baseline = Delay.Draw(TenMinutesToTwoHours, subject, "p", 1, Start);

        var variants = new[]
        {
            Enumerable.Range(0, 20).Select(i => Delay.Draw(TenMinutesToTwoHours, subject, $"p{i}", 1, Start)),
            Enumerable.Range(2, 20).Select(rung => Delay.Draw(TenMinutesToTwoHours, subject, "p", rung, Start)),
            Enumerable.Range(1, 20).Select(i => Delay.Draw(TenMinutesToTwoHours, subject, "p", 1, Start.AddSeconds(i))),
        };

        Assert.All(variants, draws => Assert.Contains(draws, d => d != baseline));
    }

    [Fact]
    public void Draw_of_a_single_point_range_is_that_point()
    {
        var range = new DelayRange(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

        Assert.Equal(TimeSpan.FromMinutes(15), Delay.Draw(range, "account:a-42", "p", 1, Start));
    }

    [Fact]
    public void Draw_rejects_a_range_whose_maximum_is_below_its_minimum()
    {
        var range = new DelayRange(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));

        Assert.Throws<ArgumentOutOfRangeException>(() => Delay.Draw(range, "account:a-42", "p", 1, Start));
    }
}
