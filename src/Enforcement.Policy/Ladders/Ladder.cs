using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// The ladder of one (subject, policy) pair as a pure state machine over event time. Grains hold the
/// <see cref="LadderState"/> and call these functions; nothing here reads a clock.
/// </summary>
/// <remarks>
/// <para>
/// <b>Climbing.</b> When a signal arrives and the condition is evaluated true at event time <c>now</c>, the subject
/// climbs one rung if it is below the top and cooldown has passed since its last climb (or it never climbed). The new
/// rung's actions are taken at <c>now</c> and take effect at <c>now + delay</c>, where the delay is drawn by
/// <see cref="Delay.Draw"/> from the rung's range, or zero without one; an action with <c>for</c> lasts until
/// <c>EffectiveAt + For</c>. Actions of lower rungs stay: a subject at rung 2 holds what rung 1 and rung 2 gave it.
/// </para>
/// <para>
/// <b>Renewal.</b> At the top rung, when the condition is true, cooldown has passed since the last climb or renewal,
/// the top rung has timed actions and all of them have expired, the top rung's actions are taken again, so that an
/// abuser whose suspension ran out is suspended again. The fresh instances replace the top rung's untimed ones (an
/// <c>escalate</c> beside the suspension opens a new case). A top rung with only untimed actions is never renewed:
/// they are still in force.
/// </para>
/// <para>
/// <b>Timers</b> (<see cref="Advance"/>). Timed actions expire at their <c>Until</c>. When <c>decay</c> has passed
/// since the latest of the last true evaluation, climb and step-down, the subject steps down one rung at exactly that
/// time, and again after each further <c>decay</c>, down to 0; a non-positive decay never steps down. Stepping down
/// lifts the untimed actions of the rung left, even one still waiting for its delay; timed actions run their course.
/// A delayed action takes effect at its <c>EffectiveAt</c>. Changes due at the same instant come in the order
/// take-effect, expire, step-down. Every transition carries the time it was due, so advancing to a time in one call
/// or in many gives the same state and the same transitions.
/// </para>
/// <para>
/// <b>Time never runs backwards.</b> The state remembers the event time it describes (<see cref="LadderState.AsOf"/>).
/// Advancing to an earlier time changes nothing, and a signal whose event time lies before it is judged at that time:
/// a late signal can still move the ladder, but no action is taken in the past.
/// </para>
/// <para>
/// <b>Lifting</b> (<see cref="Lift"/>). When a challenge is passed, the actions of its kind in force are lifted before
/// their time, whichever rung took them; the rung stays, so a condition still true climbs again once cooldown has
/// passed since the last climb.
/// </para>
/// <para>
/// <b>Overturning</b> (<see cref="Overturn"/>). A reviewer who overturns a climb takes back the rung it reached and
/// every rung above it: their actions are lifted, timed or not, in force or still delayed, and the pair goes back to
/// the rung below. It then may not climb or renew for <c>max(cooldown, decay)</c>, so that the same condition, still
/// true on the same traffic, does not at once take back what a person judged wrong.
/// </para>
/// <para>
/// <b>Shadow mode.</b> The ladder runs the same for shadow policies; only <see cref="EnforcementState.Combine"/>
/// keeps their actions out of an account's enforcement state.
/// </para>
/// </remarks>
public static class Ladder
{
    /// <summary>
    /// A signal arrived and the policy's condition was evaluated at event time <paramref name="now"/>: run the timers up
    /// to it, then climb or renew if the condition is true.
    /// </summary>
    /// <param name="subject">The subject as it is audited (<c>account:a-42</c>); it seeds the rung's delay.</param>
    public static LadderOutcome Evaluate(
        PolicyDefinition policy, LadderState state, bool conditionTrue, DateTimeOffset now, string subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(subject);

        var at = state.AsOf is { } asOf && asOf > now ? asOf : now;
        var advanced = Advance(policy, state, at);
        if (!conditionTrue)
            return advanced;

        var current = advanced.State with { LastTrueAt = at };
        var top = policy.Ladder.OrEmpty().Length;
        var cooledDown = current.LastClimbAt is not { } lastClimb || at - lastClimb >= policy.Cooldown;
        var overturned = current.OverturnedUntil is { } until && at < until;
        if (!cooledDown || overturned)
            return advanced with { State = current };

        if (current.Rung < top)
        {
            var rung = current.Rung + 1;
            var (taken, effectiveAt) = Take(policy, rung, subject, at);
            var climbed = current with
            {
                Rung = rung,
                LastClimbAt = at,
                Actions = current.Actions.AddRange(taken),
            };
            var climb = new LadderTransition(TransitionKind.Climb, current.Rung, rung, at, taken, effectiveAt);
            return new LadderOutcome(climbed, advanced.Transitions.Add(climb));
        }

        if (top > 0 && current.Rung == top && IsRenewable(policy.Ladder[top - 1], current))
        {
            var (taken, effectiveAt) = Take(policy, top, subject, at);
            var renewed = current with
            {
                LastClimbAt = at,
                Actions = current.Actions.RemoveAll(a => a.Rung == top && a.Until is null).AddRange(taken),
            };
            var renewal = new LadderTransition(TransitionKind.Renew, top, top, at, taken, effectiveAt);
            return new LadderOutcome(renewed, advanced.Transitions.Add(renewal));
        }

        return advanced with { State = current };
    }

    /// <summary>
    /// Runs every timer due up to and including <paramref name="now"/> (take-effects, expiries, decay steps), each at
    /// the time it was due. Pure: the same state and time always give the same outcome.
    /// </summary>
    public static LadderOutcome Advance(PolicyDefinition policy, LadderState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);

        var current = state.Actions.IsDefault ? state with { Actions = [] } : state;
        if (current.AsOf is { } asOf && now < asOf)
            return new LadderOutcome(current, []);

        // Most signals find nothing due: no builder for them.
        if (NextDue(policy, current) is not { } first || first > now)
            return new LadderOutcome(current.AsOf == now ? current : current with { AsOf = now }, []);

        var transitions = ImmutableArray.CreateBuilder<LadderTransition>();
        while (NextDue(policy, current) is { } due && due <= now)
            current = Fire(policy, current, due, transitions);
        return new LadderOutcome(current with { AsOf = now }, transitions.ToImmutable());
    }

    /// <summary>
    /// Lifts the actions of <paramref name="kind"/> in force at <paramref name="now"/>, timed or not: what the identity
    /// system's report of a challenge passed does. Timers due up to then run first, so an action that had already
    /// expired is reported as expired, not lifted. The rung and the times that drive cooldown and decay stay. An
    /// action of that kind still waiting for its delay is not in force and stays: it was decided after the challenge
    /// that was passed. With nothing of that kind in force there is no lift transition. Pure, like the others.
    /// </summary>
    public static LadderOutcome Lift(PolicyDefinition policy, LadderState state, ActionKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);

        var at = state.AsOf is { } asOf && asOf > now ? asOf : now;
        var advanced = Advance(policy, state, at);
        var current = advanced.State;
        var lifted = current.Actions.Where(a => IsLifted(a, kind, at)).ToImmutableArray();
        if (lifted.IsEmpty)
            return advanced;

        var lift = new LadderTransition(TransitionKind.Lift, current.Rung, current.Rung, at, lifted, at);
        return new LadderOutcome(current with { Actions = current.Actions.RemoveAll(a => IsLifted(a, kind, at)) }, advanced.Transitions.Add(lift));

        static bool IsLifted(ActiveAction action, ActionKind kind, DateTimeOffset at) => action.Action.Kind == kind && action.InForceAt(at);
    }

    /// <summary>
    /// Takes back the climb to <paramref name="rung"/>: the actions of that rung and of every rung above are lifted,
    /// the pair goes back to the rung below (or stays lower if decay already took it there), and it may not climb or
    /// renew again before <c>now + max(cooldown, decay)</c>. Timers due up to then run first. The transition lists the
    /// actions lifted, possibly none (a climb whose actions have all expired still loses its rung).
    /// </summary>
    public static LadderOutcome Overturn(PolicyDefinition policy, LadderState state, int rung, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(rung, 1);

        var at = state.AsOf is { } asOf && asOf > now ? asOf : now;
        var advanced = Advance(policy, state, at);
        var current = advanced.State;
        var lifted = current.Actions.Where(a => a.Rung >= rung).ToImmutableArray();
        var to = Math.Min(current.Rung, rung - 1);
        var quiet = policy.Cooldown > policy.Decay ? policy.Cooldown : policy.Decay;
        var overturned = current with
        {
            Rung = to,
            Actions = current.Actions.RemoveAll(a => a.Rung >= rung),
            OverturnedUntil = at + quiet,
        };
        var overturn = new LadderTransition(TransitionKind.Overturn, current.Rung, to, at, lifted, at);
        return new LadderOutcome(overturned, advanced.Transitions.Add(overturn));
    }

    /// <summary>
    /// The earliest time at which <see cref="Advance"/> would change something (a delayed action taking effect, an
    /// expiry, a decay step), or null when nothing is pending: the runtime schedules its timer there. The time is
    /// after <see cref="LadderState.AsOf"/> except for an action that expired the moment it was taken (<c>for: 0s</c>),
    /// which is due at once.
    /// </summary>
    public static DateTimeOffset? NextDue(PolicyDefinition policy, LadderState state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        return NextDue(policy, state, state.AsOf);
    }

    /// <summary>
    /// <see cref="NextDue(PolicyDefinition, LadderState)"/> of the state as of <paramref name="asOf"/> rather than its
    /// own <see cref="LadderState.AsOf"/>: a subject keeps the time of all its ladders once.
    /// </summary>
    internal static DateTimeOffset? NextDue(PolicyDefinition policy, LadderState state, DateTimeOffset? asOf)
    {
        var next = DecayDue(policy, state);
        foreach (var action in state.Actions.OrEmpty())
        {
            if (action.Until is { } until)
                next = Earliest(next, until);
            if (IsPending(action, asOf))
                next = Earliest(next, action.EffectiveAt);
        }
        return next;
    }

    private static (ImmutableArray<ActiveAction> Actions, DateTimeOffset EffectiveAt) Take(
        PolicyDefinition policy, int rung, string subject, DateTimeOffset at)
    {
        var definition = policy.Ladder[rung - 1];
        var delay = definition.Delay is { } range ? Delay.Draw(range, subject, policy.Id, rung, at) : TimeSpan.Zero;
        var effectiveAt = at + delay;
        var actions = definition.Actions.OrEmpty()
            .Select(action => new ActiveAction(rung, action, at, effectiveAt, action.For is { } lasts ? effectiveAt + lasts : null))
            .ToImmutableArray();
        return (actions, effectiveAt);
    }

    private static bool IsRenewable(Rung top, LadderState state) =>
        top.Actions.OrEmpty().Any(action => action.For is not null)
        && !state.Actions.Any(action => action.Rung == state.Rung && action.Until is not null);

    /// <summary>Runs everything due at <paramref name="due"/>, the earliest pending time.</summary>
    private static LadderState Fire(
        PolicyDefinition policy, LadderState state, DateTimeOffset due, ImmutableArray<LadderTransition>.Builder transitions)
    {
        var rung = state.Rung;

        foreach (var group in state.Actions.Where(a => IsPending(a, state.AsOf) && a.EffectiveAt <= due).GroupBy(a => a.Rung).OrderBy(g => g.Key))
            transitions.Add(new LadderTransition(TransitionKind.TakeEffect, rung, rung, due, [.. group], due));

        var expired = state.Actions.Where(a => a.Until <= due).ToImmutableArray();
        foreach (var group in expired.GroupBy(a => a.Rung).OrderBy(g => g.Key))
            transitions.Add(new LadderTransition(TransitionKind.Expire, rung, rung, due, [.. group], due));
        var actions = state.Actions.RemoveRange(expired);

        DateTimeOffset? lastStepDownAt = state.LastStepDownAt;
        if (DecayDue(policy, state) <= due)
        {
            var lifted = actions.Where(a => a.Rung == rung && a.Until is null).ToImmutableArray();
            actions = actions.RemoveRange(lifted);
            transitions.Add(new LadderTransition(TransitionKind.StepDown, rung, rung - 1, due, lifted, due));
            rung--;
            lastStepDownAt = due;
        }

        return state with
        {
            Rung = rung,
            LastStepDownAt = lastStepDownAt,
            Actions = actions,
            AsOf = state.AsOf is { } asOf && asOf > due ? asOf : due,
        };
    }

    private static DateTimeOffset? DecayDue(PolicyDefinition policy, LadderState state)
    {
        if (state.Rung <= 0 || policy.Decay <= TimeSpan.Zero)
            return null;
        var anchor = Latest(Latest(state.LastTrueAt, state.LastClimbAt), state.LastStepDownAt);
        return anchor + policy.Decay;
    }

    /// <summary>A delayed action that the state has not yet seen come into force.</summary>
    private static bool IsPending(ActiveAction action, DateTimeOffset? asOf) =>
        action.EffectiveAt > (asOf ?? action.TakenAt);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is not { } x ? b : b is not { } y ? a : x >= y ? x : y;
}
