using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class ShadowModeTests
{
    [Fact]
    public void A_shadow_policy_climbs_exactly_as_an_enforced_one()
    {
        var enforced = new LadderRun(CotElicitation(PolicyMode.Enforce));
        var shadow = new LadderRun(CotElicitation(PolicyMode.Shadow));

        foreach (var run in new[] { enforced, shadow })
        {
            run.Signal();
            run.SignalAfter(TimeSpan.FromHours(1));
            run.SignalAfter(TimeSpan.FromHours(1));
            run.Wait(TimeSpan.FromDays(20));
        }

        Assert.Equal(enforced.State, shadow.State);
        Assert.Equal<LadderTransition>(enforced.Transitions, shadow.Transitions);
    }

    [Fact]
    public void Shadow_actions_never_reach_the_enforcement_state()
    {
        var shadow = new LadderRun(CotElicitation(PolicyMode.Shadow));
        shadow.Signal();
        shadow.SignalAfter(TimeSpan.FromHours(1));
        shadow.SignalAfter(TimeSpan.FromHours(1));
        Assert.Contains(shadow.State.Actions, a => a.Action.Kind == ActionKind.Suspend && a.InForceAt(shadow.Now));

        var held = shadow.State.Actions.Select(a => new ActiveEnforcement("account:a-42", shadow.Policy, a, "d-1"));

        Assert.Equal(EnforcementState.Allow, EnforcementState.Combine(held, shadow.Now));
    }

    [Fact]
    public void A_shadow_suspension_does_not_outrank_an_enforced_throttle()
    {
        var now = Start.AddHours(1);
        var throttle = new ActiveEnforcement(
            "account:a-42",
            PolicyWith(id: "enforced", ladder: [Rung(Throttle(30))]),
            new ActiveAction(1, Throttle(30), Start, Start, null),
            "d-1");
        var suspension = new ActiveEnforcement(
            "account:a-42",
            PolicyWith(id: "shadowed", mode: PolicyMode.Shadow, ladder: [Rung(Suspend())]),
            new ActiveAction(1, Suspend(), Start, Start, null),
            "d-2");

        var state = EnforcementState.Combine([throttle, suspension], now);

        Assert.Equal(AccessState.Throttle, state.State);
        Assert.Equal("enforced", Assert.Single(state.Reasons).Policy);
    }
}
