using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Windows;
using Microsoft.Extensions.Time.Testing;

namespace Enforcement.Policy.Tests.Evaluation;

public sealed class SubjectTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.Zero));

    private static Subject AccountSubject(PolicySet set, string account = "a-42") =>
        new($"account:{account}", set.For(Scope.Account));

    private Observation Signal(PolicySet set, string type, double value = 1, string? category = null)
    {
        Assert.True(Observations.TryCreate(set.Catalog, type, value, category, "a-42", 0, clock.GetUtcNow().UtcTicks, null, out var observation, out var problem), problem);
        return observation;
    }

    private List<Decision> Send(Subject subject, PolicySet set, int requests, TimeSpan every)
    {
        var decisions = new List<Decision>();
        for (var i = 0; i < requests; i++)
        {
            decisions.AddRange(subject.Observe(Signal(set, "request")));
            clock.Advance(every);
        }
        return decisions;
    }

    [Fact]
    public void Climbs_when_the_condition_turns_true_and_explains_why()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 1h) >= 3"));
        var subject = AccountSubject(set);

        var decisions = Send(subject, set, 3, TimeSpan.FromMinutes(1));

        var decision = Assert.Single(decisions);
        Assert.Equal("account:a-42", decision.Subject);
        Assert.Equal(TransitionKind.Climb, decision.Transition.Kind);
        Assert.Equal(1, decision.Transition.To);
        Assert.NotNull(decision.Explanation);
        Assert.Contains(decision.Explanation.Terms, t => t is { Text: "count(request, 1h)", Value: "3" });
        Assert.Equal(AccessState.Throttle, subject.StateAt(clock.GetUtcNow()).State);
        Assert.Equal(20, subject.StateAt(clock.GetUtcNow()).Rpm);
    }

    [Fact]
    public void A_timed_action_expires_when_time_passes_without_signals()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 1h) >= 1"));
        var subject = AccountSubject(set);
        Send(subject, set, 1, TimeSpan.Zero);

        var due = subject.NextDue;
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(6), due);
        clock.Advance(TimeSpan.FromHours(7));
        var decisions = subject.Advance(clock.GetUtcNow());

        var expiry = Assert.Single(decisions);
        Assert.Equal(TransitionKind.Expire, expiry.Transition.Kind);
        Assert.Equal(due, expiry.Transition.At);
        Assert.Null(expiry.Explanation);
        Assert.Equal(AccessState.Allow, subject.StateAt(clock.GetUtcNow()).State);
    }

    [Fact]
    public void A_shadow_policy_decides_but_never_enforces()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 1h) >= 1", mode: "shadow"));
        var subject = AccountSubject(set);

        var decision = Assert.Single(Send(subject, set, 1, TimeSpan.Zero));

        Assert.True(decision.Shadow);
        Assert.Equal(1, subject.LadderOf(subject.Program.Policies[0]).Rung);
        Assert.Equal(AccessState.Allow, subject.StateAt(clock.GetUtcNow()).State);
    }

    [Fact]
    public void Every_policy_of_the_scope_is_evaluated_on_each_signal()
    {
        var set = PolicySets.Accepted(
            PolicySets.Policy("count(request, 1h) >= 2", id: "test.volume"),
            PolicySets.Policy("count(challenge_failed, 1d) >= 1", id: "test.failures", ladder: "  - suspend: { for: 7d }\n"));
        var subject = AccountSubject(set);

        Send(subject, set, 2, TimeSpan.FromSeconds(1));
        var decisions = subject.Observe(Signal(set, "challenge_failed"));

        Assert.Equal("test.failures", Assert.Single(decisions).Policy.Id);
        Assert.Equal(AccessState.Suspended, subject.StateAt(clock.GetUtcNow()).State);
        Assert.Equal(2, subject.StateAt(clock.GetUtcNow()).Reasons.Length);
    }

    [Fact]
    public void A_never_profiled_account_ages_from_its_first_signal()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 30d) >= 1 && account.age >= 2d"));
        var subject = AccountSubject(set);

        Assert.Empty(Send(subject, set, 1, TimeSpan.FromDays(3)));
        Assert.Single(subject.Observe(Signal(set, "request")));
    }

    [Fact]
    public void Category_signals_feed_shares()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("share(capability, \"coding\", 1h) >= 0.5 && count(capability, 1h) >= 4"));
        var subject = AccountSubject(set);

        Assert.Empty(subject.Observe(Signal(set, "capability", category: "chat")));
        Assert.Empty(subject.Observe(Signal(set, "capability", category: "coding")));
        Assert.Empty(subject.Observe(Signal(set, "capability", category: "chat")));
        Assert.Single(subject.Observe(Signal(set, "capability", category: "coding")));
    }

    [Fact]
    public void Passing_a_challenge_lifts_the_challenges_of_every_policy_and_leaves_the_rest()
    {
        var set = PolicySets.Accepted(
            PolicySets.Policy("count(request, 1h) >= 1", id: "test.volume", ladder: "  - challenge: { kind: identity }\n"),
            PolicySets.Policy("count(challenge_failed, 1d) >= 1", id: "test.failures", ladder: "  - throttle: { rpm: 5 }\n    challenge: { kind: identity, for: 1d }\n"),
            PolicySets.Policy("count(request, 1h) >= 1000", id: "test.quiet", ladder: "  - challenge: { kind: identity }\n"));
        var subject = AccountSubject(set);
        subject.Observe(Signal(set, "request"));
        subject.Observe(Signal(set, "challenge_failed"));
        Assert.Equal(AccessState.Challenge, subject.StateAt(clock.GetUtcNow()).State);
        clock.Advance(TimeSpan.FromMinutes(5));

        var decisions = subject.Lift(ActionKind.Challenge, clock.GetUtcNow());

        Assert.Equal(["test.failures", "test.volume"], decisions.Select(d => d.Policy.Id));
        Assert.All(decisions, d =>
        {
            Assert.Equal(TransitionKind.Lift, d.Transition.Kind);
            Assert.Equal((1, 1), (d.Transition.From, d.Transition.To));
            Assert.Null(d.Explanation);
        });
        var state = subject.StateAt(clock.GetUtcNow());
        Assert.Equal(AccessState.Throttle, state.State);
        Assert.Equal(5, state.Rpm);
        Assert.Equal([1, 0, 1], subject.Program.Policies.Select(p => subject.LadderOf(p).Rung));
    }

    [Fact]
    public void Passing_a_challenge_with_none_in_force_decides_nothing()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 1h) >= 1"));
        var subject = AccountSubject(set);
        subject.Observe(Signal(set, "request"));

        Assert.Empty(subject.Lift(ActionKind.Challenge, clock.GetUtcNow()));
        Assert.Equal(AccessState.Throttle, subject.StateAt(clock.GetUtcNow()).State);
    }
}
