using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class EnforcementStateTests
{
    private static readonly DateTimeOffset Now = Start.AddHours(1);

    [Fact]
    public void No_action_in_force_is_allow()
    {
        var state = EnforcementState.Combine([], Now);

        Assert.Equal(EnforcementState.Allow, state);
        Assert.Equal(AccessState.Allow, state.State);
        Assert.Null(state.Rpm);
        Assert.Null(state.Challenge);
        Assert.Null(state.Until);
        Assert.Empty(state.Reasons);
    }

    [Fact]
    public void Suspended_beats_challenge_beats_throttle()
    {
        var throttle = Held("p.throttle", Throttle(20));
        var challenge = Held("p.challenge", Challenge("identity"));
        var suspend = Held("p.suspend", Suspend(TimeSpan.FromDays(30)));

        Assert.Equal(AccessState.Throttle, EnforcementState.Combine([throttle], Now).State);
        Assert.Equal(AccessState.Challenge, EnforcementState.Combine([throttle, challenge], Now).State);
        Assert.Equal(AccessState.Suspended, EnforcementState.Combine([throttle, suspend, challenge], Now).State);
    }

    [Fact]
    public void The_lowest_rpm_wins()
    {
        var state = EnforcementState.Combine(
            [Held("p.a", Throttle(60)), Held("p.b", Throttle(5), subject: "payment:9f3a"), Held("p.c", Throttle(20))],
            Now);

        Assert.Equal(AccessState.Throttle, state.State);
        Assert.Equal(5, state.Rpm);
    }

    [Fact]
    public void Limits_and_challenge_are_reported_beside_a_more_severe_state()
    {
        var state = EnforcementState.Combine(
            [Held("p.a", Throttle(20)), Held("p.b", Challenge("identity")), Held("p.c", Suspend())],
            Now);

        Assert.Equal(AccessState.Suspended, state.State);
        Assert.Equal(20, state.Rpm);
        Assert.Equal("identity", state.Challenge);
    }

    [Fact]
    public void The_challenge_of_the_first_policy_by_id_is_reported()
    {
        var state = EnforcementState.Combine(
            [Held("p.zeta", Challenge("captcha")), Held("p.alpha", Challenge("identity")), Held("p.mu", Challenge("payment"))],
            Now);

        Assert.Equal("identity", state.Challenge);
    }

    [Fact]
    public void Until_is_the_latest_end_of_the_actions_giving_the_state()
    {
        var state = EnforcementState.Combine(
            [
                Held("p.a", Suspend(TimeSpan.FromDays(1))),
                Held("p.b", Suspend(TimeSpan.FromDays(30))),
                Held("p.c", Suspend(TimeSpan.FromDays(7))),
                // Lasts longer, but a throttle does not say when the suspension ends.
                Held("p.d", Throttle(10, TimeSpan.FromDays(90))),
            ],
            Now);

        Assert.Equal(Start.AddDays(30), state.Until);
    }

    [Fact]
    public void Until_is_null_when_an_action_giving_the_state_is_untimed()
    {
        var state = EnforcementState.Combine(
            [Held("p.a", Throttle(20, TimeSpan.FromHours(6))), Held("p.b", Throttle(30))],
            Now);

        Assert.Equal(AccessState.Throttle, state.State);
        Assert.Null(state.Until);
    }

    [Fact]
    public void Observe_and_escalate_do_not_change_access()
    {
        var state = EnforcementState.Combine(
            [Held("p.a", Observe()), Held("p.b", Escalate("threat-intel", "high"))],
            Now);

        Assert.Equal(AccessState.Allow, state.State);
        Assert.Null(state.Until);
        // The escalation is a reason to show; observing is not.
        var reason = Assert.Single(state.Reasons);
        Assert.Equal(new EnforcementReason("account:a-42", "p.b", "escalate", "d-p.b"), reason);
    }

    [Fact]
    public void An_action_not_yet_in_effect_does_not_count()
    {
        var delayed = new ActiveEnforcement(
            "account:a-42",
            PolicyWith(id: "p.delayed"),
            new ActiveAction(1, Suspend(TimeSpan.FromDays(30)), Start, Now.AddSeconds(1), Now.AddSeconds(1).AddDays(30)),
            "d-1");

        Assert.Equal(EnforcementState.Allow, EnforcementState.Combine([delayed], Now));
        Assert.Equal(AccessState.Suspended, EnforcementState.Combine([delayed], Now.AddSeconds(1)).State);
    }

    [Fact]
    public void An_action_no_longer_counts_from_its_until()
    {
        var throttle = Held("p.a", Throttle(20, TimeSpan.FromHours(6)));

        Assert.Equal(AccessState.Throttle, EnforcementState.Combine([throttle], Start.AddHours(6).AddTicks(-1)).State);
        Assert.Equal(EnforcementState.Allow, EnforcementState.Combine([throttle], Start.AddHours(6)));
    }

    [Fact]
    public void Reasons_list_the_dominant_actions_first()
    {
        var state = EnforcementState.Combine(
            [
                Held("p.a", Escalate("threat-intel", "high"), decision: "d-1"),
                Held("p.b", Throttle(20), decision: "d-2"),
                Held("p.d", Suspend(), subject: "payment:9f3a", decision: "d-3"),
                Held("p.c", Suspend(), decision: "d-4"),
                Held("p.e", Challenge("identity"), decision: null),
            ],
            Now);

        Assert.Equal<EnforcementReason>(
            [
                new EnforcementReason("account:a-42", "p.c", "suspend", "d-4"),
                new EnforcementReason("payment:9f3a", "p.d", "suspend", "d-3"),
                new EnforcementReason("account:a-42", "p.e", "challenge", null),
                new EnforcementReason("account:a-42", "p.b", "throttle", "d-2"),
                new EnforcementReason("account:a-42", "p.a", "escalate", "d-1"),
            ],
            state.Reasons);
    }

    [Fact]
    public void A_climbed_ladder_combines_into_the_state_it_reached()
    {
        var run = new LadderRun(CotElicitation());
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));

        var state = EnforcementState.Combine(
            run.State.Actions.Select(a => new ActiveEnforcement("account:a-42", run.Policy, a, $"d-{a.Rung}")),
            run.Now);

        Assert.Equal(AccessState.Challenge, state.State);
        Assert.Equal("identity", state.Challenge);
        Assert.Equal(20, state.Rpm);
        Assert.Null(state.Until);
        Assert.Equal(["challenge", "throttle"], state.Reasons.Select(r => r.Action));
    }

    [Fact]
    public void States_compare_by_value()
    {
        var first = EnforcementState.Combine([Held("p.a", Throttle(20))], Now);
        var second = EnforcementState.Combine([Held("p.a", Throttle(20))], Now);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Theory]
    [InlineData(AccessState.Allow, "allow")]
    [InlineData(AccessState.Throttle, "throttle")]
    [InlineData(AccessState.Challenge, "challenge")]
    [InlineData(AccessState.Suspended, "suspended")]
    public void States_have_their_wire_names(AccessState state, string name)
    {
        Assert.Equal(name, EnforcementState.WireName(state));
    }

    /// <summary>An action taken and in force from <see cref="TestPolicies.Start"/>, held under an enforced policy.</summary>
    private static ActiveEnforcement Held(string policyId, EnforcementAction action, string subject = "account:a-42", string? decision = "")
    {
        var until = action.For is { } lasts ? Start + lasts : (DateTimeOffset?)null;
        return new ActiveEnforcement(
            subject,
            PolicyWith(id: policyId, ladder: [Rung(action)]),
            new ActiveAction(1, action, Start, Start, until),
            decision == "" ? $"d-{policyId}" : decision);
    }
}
