using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using Microsoft.Extensions.Time.Testing;

namespace Enforcement.Policy.Tests.Ladders;

/// <summary>
/// One (subject, policy) pair driven the way a grain drives it: signals evaluated at the fake clock's time, timers
/// run when the clock is advanced. Keeps every transition seen.
/// </summary>
internal sealed class LadderRun(PolicyDefinition policy, string subject = "account:a-42")
{
    public FakeTimeProvider Clock { get; } = new(TestPolicies.Start);

    public PolicyDefinition Policy { get; } = policy;

    public LadderState State { get; private set; } = LadderState.Initial;

    public List<LadderTransition> Transitions { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A signal arrives now and the condition evaluates to <paramref name="conditionTrue"/>.</summary>
    public IReadOnlyList<LadderTransition> Signal(bool conditionTrue = true) =>
        Apply(Ladder.Evaluate(Policy, State, conditionTrue, Now, subject));

    /// <summary>Moves the clock and runs the timers due, as the scheduled job would.</summary>
    public IReadOnlyList<LadderTransition> Wait(TimeSpan span)
    {
        Clock.Advance(span);
        return Apply(Ladder.Advance(Policy, State, Now));
    }

    /// <summary>Moves the clock and evaluates a signal then.</summary>
    public IReadOnlyList<LadderTransition> SignalAfter(TimeSpan span, bool conditionTrue = true)
    {
        Clock.Advance(span);
        return Signal(conditionTrue);
    }

    /// <summary>The account passes a challenge now (or a reviewer lifts actions of another kind).</summary>
    public IReadOnlyList<LadderTransition> Lift(ActionKind kind = ActionKind.Challenge) =>
        Apply(Ladder.Lift(Policy, State, kind, Now));

    /// <summary>A reviewer overturns the climb to <paramref name="rung"/> now.</summary>
    public IReadOnlyList<LadderTransition> Overturn(int rung) =>
        Apply(Ladder.Overturn(Policy, State, rung, Now));

    private List<LadderTransition> Apply(LadderOutcome outcome)
    {
        State = outcome.State;
        Transitions.AddRange(outcome.Transitions);
        return [.. outcome.Transitions];
    }
}
