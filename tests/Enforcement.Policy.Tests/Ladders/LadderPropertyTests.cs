using System.Collections.Immutable;
using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using Microsoft.Extensions.Time.Testing;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

/// <summary>
/// Timers may run whenever the scheduler gets to them, or not at all between signals: the ladder must not care.
/// </summary>
public sealed class LadderPropertyTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(60);

    // Durations and times on a half-hour grid, so that expiries, decay steps and signals often fall on the same instant.
    private static readonly Gen<TimeSpan> HalfHours = Gen.Int[1, 96].Select(n => TimeSpan.FromMinutes(30 * n));

    private static readonly Gen<EnforcementAction> Actions =
        Gen.Select(Gen.Enum<ActionKind>(), Gen.Bool, HalfHours, (kind, timed, lasts) => new EnforcementAction(
            kind,
            SourceSpan.None,
            For: timed ? lasts : null,
            Rpm: kind == ActionKind.Throttle ? 10 : null,
            Challenge: kind == ActionKind.Challenge ? "identity" : null,
            Queue: kind == ActionKind.Escalate ? "threat-intel" : null,
            Priority: kind == ActionKind.Escalate ? "high" : null));

    private static readonly Gen<Rung> Rungs =
        Gen.Select(Actions.Array[1, 3], Gen.Bool, Gen.Int[0, 60], Gen.Int[0, 180], (actions, delayed, min, spread) => new Rung(
            [.. actions],
            delayed ? new DelayRange(TimeSpan.FromMinutes(min), TimeSpan.FromMinutes(min + spread)) : null,
            SourceSpan.None));

    private static readonly Gen<PolicyDefinition> Policies =
        Gen.Select(Rungs.Array[1, 4], Gen.Int[0, 12], HalfHours, (ladder, cooldown, decay) =>
            PolicyWith(cooldown: TimeSpan.FromMinutes(30 * cooldown), decay: decay, ladder: ladder));

    private static readonly Gen<(TimeSpan At, bool ConditionTrue)[]> Signals =
        Gen.Select(Gen.Int[0, 20 * 48].Select(n => TimeSpan.FromMinutes(30 * n)), Gen.Bool).Array[0, 30];

    private static readonly Gen<TimeSpan[]> Ticks = Gen.Int[0, 60 * 24 * 60].Select(m => TimeSpan.FromMinutes(m)).Array[0, 40];

    [Fact]
    public void Advancing_in_one_step_equals_advancing_in_many_small_steps()
    {
        Gen.Select(Policies, Signals, Ticks).Sample((policy, signals, ticks) =>
        {
            var alone = Run(policy, signals, []);
            var withTimers = Run(policy, signals, ticks);

            Assert.Equal(alone.State, withTimers.State);
            Assert.Equal<LadderTransition>(alone.Transitions, withTimers.Transitions);
        }, iter: 2_000);
    }

    [Fact]
    public void Transitions_come_in_time_order_and_nothing_due_is_left_behind()
    {
        Gen.Select(Policies, Signals, Ticks).Sample((policy, signals, ticks) =>
        {
            var outcome = Run(policy, signals, ticks);

            var times = outcome.Transitions.Select(t => t.At).ToList();
            Assert.Equal(times.Order(), times);
            if (Ladder.NextDue(policy, outcome.State) is { } due)
                Assert.True(due > Start + Horizon, $"{due} was due before the horizon and did not run");
        }, iter: 500);
    }

    /// <summary>
    /// Signals in time order with timers run at <paramref name="ticks"/> in between (before a signal at the same
    /// instant), then the timers up to the horizon.
    /// </summary>
    private static LadderOutcome Run(PolicyDefinition policy, (TimeSpan At, bool ConditionTrue)[] signals, TimeSpan[] ticks)
    {
        var clock = new FakeTimeProvider(Start);
        var state = LadderState.Initial;
        var transitions = ImmutableArray.CreateBuilder<LadderTransition>();
        var events = ticks.Select(at => (At: at, Order: 0, ConditionTrue: (bool?)null))
            .Concat(signals.Select((s, i) => (s.At, Order: 1 + i, ConditionTrue: (bool?)s.ConditionTrue)))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Order);

        foreach (var (at, _, conditionTrue) in events)
        {
            if (Start + at > clock.GetUtcNow())
                clock.SetUtcNow(Start + at);
            var outcome = conditionTrue is { } value
                ? Ladder.Evaluate(policy, state, value, clock.GetUtcNow(), "account:a-42")
                : Ladder.Advance(policy, state, clock.GetUtcNow());
            state = outcome.State;
            transitions.AddRange(outcome.Transitions);
        }

        clock.SetUtcNow(Start + Horizon);
        var last = Ladder.Advance(policy, state, clock.GetUtcNow());
        transitions.AddRange(last.Transitions);
        return new LadderOutcome(last.State, transitions.ToImmutable());
    }
}
