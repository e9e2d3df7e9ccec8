using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Checking;

/// <summary>
/// Rejects ladders that cannot work as written: a rung milder than the one below it (a ladder climbs toward
/// stronger actions), a throttle that loosens as the subject climbs, and a delay that outlasts the cooldown, so
/// that the next rung could be taken before this one took effect.
/// </summary>
public sealed class CheckLadders : ISetPass
{
    public void Run(SetCheck check)
    {
        foreach (var policy in check.Policies)
        {
            CheckOrder(check, policy);
            CheckDelays(check, policy);
        }
    }

    private static void CheckOrder(SetCheck check, PolicyDefinition policy)
    {
        for (var i = 1; i < policy.Ladder.Length; i++)
        {
            var (below, rung) = (policy.Ladder[i - 1], policy.Ladder[i]);
            var (belowMost, rungMost) = (Strongest(below), Strongest(rung));
            if (rungMost < belowMost)
            {
                check.Report(rung.At, $"rung {i + 1} ({rungMost.ToString().ToLowerInvariant()}) is milder than rung {i} ({belowMost.ToString().ToLowerInvariant()}): expected each rung to restrict at least as much as the one below it");
                continue;
            }
            if (rungMost == ActionKind.Throttle && belowMost == ActionKind.Throttle && Rpm(rung) > Rpm(below))
                check.Report(rung.At, $"rung {i + 1} throttles to {Rpm(rung)} rpm, looser than rung {i}'s {Rpm(below)} rpm: expected the rpm to fall or stay as the subject climbs");
        }
    }

    private static void CheckDelays(SetCheck check, PolicyDefinition policy)
    {
        for (var i = 0; i < policy.Ladder.Length - 1; i++)
        {
            if (policy.Ladder[i].Delay is { } delay && delay.Max > policy.Cooldown)
                check.Report(policy.Ladder[i].At, $"rung {i + 1} may be delayed up to {Duration.Format(delay.Max)}, longer than the cooldown {Duration.Format(policy.Cooldown)}: expected a delay within the cooldown, so that the next rung cannot be taken before this one takes effect");
        }
    }

    /// <summary>The most restrictive access action of a rung; observe and escalate restrict nothing.</summary>
    private static ActionKind Strongest(Rung rung) =>
        rung.Actions.Select(a => a.Kind).Where(k => k >= ActionKind.Throttle).DefaultIfEmpty(ActionKind.Observe).Max();

    private static int Rpm(Rung rung) => rung.Actions.Where(a => a.Kind == ActionKind.Throttle).Min(a => a.Rpm ?? int.MaxValue);
}
