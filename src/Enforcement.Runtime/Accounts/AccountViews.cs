using System.Collections.Immutable;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;

namespace Enforcement.Runtime.Accounts;

/// <summary>The policy library's state of an account, shaped as the API answers it.</summary>
public static class AccountViews
{
    public static EnforcementView EnforcementOf(string account, EnforcementState state, long version)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new EnforcementView(
            account,
            EnforcementState.WireName(state.State),
            state.Rpm,
            state.Challenge,
            state.Until,
            [.. state.Reasons.Select(r => new ReasonView(r.Subject, r.Policy, r.Action, r.Decision))],
            version);
    }

    public static ProfileView ProfileOf(AccountFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ProfileView(TimeOf(facts.Created), TimeOf(facts.FirstSeen), facts.Tier, facts.Region, facts.Verified);
    }

    public static ImmutableArray<RungView> RungsOf(Subject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.Program.Policies
            .Select(policy => (policy, ladder: subject.LadderOf(policy)))
            .Where(p => p.ladder.Rung > 0 || !p.ladder.Actions.IsDefaultOrEmpty)
            .Select(p => new RungView(
                p.policy.Id,
                p.ladder.Rung,
                p.policy.Definition.Ladder.Length,
                [.. p.ladder.Actions.Select(a => new ActionView(a.Action.Name, a.Rung, a.TakenAt, a.EffectiveAt, a.Until, a.InForceAt(now)))]))];
    }

    private static DateTimeOffset? TimeOf(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
