using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Persistence;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Persistence;

public sealed class SubjectCodecTests
{
    private const string Key = "account:a-42";

    private const string ThreeRungs = "  - throttle: { rpm: 20, for: 6h }\n  - challenge: { kind: identity }\n  - suspend: { for: 30d }\n";
    private const string TwoRungs = "  - throttle: { rpm: 20, for: 6h }\n  - challenge: { kind: identity }\n";

    private static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static Subject Climbed(PolicySet set, int signals)
    {
        var subject = new Subject(Key, set.For(Scope.Account));
        for (var i = 0; i < signals; i++)
            subject.Observe(Signal(set, "challenge_failed", Start.AddMinutes(2 * i)));
        return subject;
    }

    private static Observation Signal(PolicySet set, string type, DateTimeOffset at, Dictionary<string, string>? attrs = null)
    {
        Assert.True(Observations.TryCreate(set.Catalog, type, 1, null, "a-42", 0, at.UtcTicks, attrs, out var observation, out var problem), problem);
        return observation;
    }

    /// <summary>A subject of the default pack with every kind of storage in use: rings, attribute trackers, ladders on a rung.</summary>
    private static Subject Busy()
    {
        var set = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false).Set!;
        var subject = new Subject(Key, set.For(Scope.Account)) { Account = new AccountFacts(Start.AddDays(-3).UtcTicks, 0, "free", "US", false) };
        for (var i = 0; i < 40; i++)
        {
            var attrs = new Dictionary<string, string> { ["prompt_template"] = $"t-{i % 7}", ["ip_prefix"] = "203.0.113.0/24" };
            subject.Observe(Signal(set, "request", Start.AddSeconds(17 * i), attrs));
            subject.Observe(Signal(set, "challenge_failed", Start.AddSeconds(17 * i)));
        }
        Assert.NotEqual(0, subject.Windows.AllocatedBytes);
        Assert.Contains(subject.Ladders, l => l.Rung > 0);
        return subject;
    }

    [Fact]
    public void Under_a_changed_layout_ladders_are_kept_by_policy_id_and_the_windows_are_reported_lost()
    {
        var before = PolicySets.Accepted(
            PolicySets.Policy("count(challenge_failed, 1d) >= 1", id: "test.kept", ladder: ThreeRungs, cooldown: "1m"),
            PolicySets.Policy("count(request, 1h) >= 1", id: "test.gone"));
        var after = PolicySets.Accepted(
            PolicySets.Policy("count(challenge_failed, 2d) >= 1", id: "test.kept", ladder: ThreeRungs, cooldown: "1m"),
            PolicySets.Policy("count(request, 1h) >= 1", id: "test.new"));
        var original = Climbed(before, 3);
        var held = original.LadderOf(original.Program.Policies.Single(p => p.Id == "test.kept"));
        Assert.Equal(3, held.Rung);

        var copy = SubjectCodec.Read(SubjectCodec.Write(original), Key, after.For(Scope.Account), out var restore);

        Assert.False(restore.WindowsRestored);
        Assert.Equal<string>(["test.gone"], restore.DroppedPolicies);
        Assert.Equal<string>(["test.new"], restore.AddedPolicies);
        Assert.Equal(0, copy.Windows.AllocatedBytes);
        Assert.Equal(0, copy.Windows.Read(0, Start.AddHours(1).UtcTicks));
        var kept = copy.Program.Policies.Single(p => p.Id == "test.kept");
        Assert.Equal(held, copy.LadderOf(kept));
        Assert.Equal(LadderState.Initial with { AsOf = original.AsOf }, copy.LadderOf(copy.Program.Policies.Single(p => p.Id == "test.new")));
        Assert.Equal(original.StateAt(Start.AddHours(1)), copy.StateAt(Start.AddHours(1)));
    }

    [Fact]
    public void A_ladder_that_became_shorter_keeps_the_subject_on_its_new_top_with_every_action_it_held()
    {
        var before = PolicySets.Accepted(PolicySets.Policy("count(challenge_failed, 1d) >= 1", ladder: ThreeRungs, cooldown: "1m"));
        var after = PolicySets.Accepted(PolicySets.Policy("count(challenge_failed, 1d) >= 1", ladder: TwoRungs, cooldown: "1m"));
        var original = Climbed(before, 3);

        var copy = SubjectCodec.Read(SubjectCodec.Write(original), Key, after.For(Scope.Account), out var restore);

        // Only the ladder changed, not what the condition reads: the windows come back.
        Assert.True(restore.WindowsRestored);
        var ladder = copy.Ladders.Single();
        Assert.Equal(2, ladder.Rung);
        Assert.Equal<int>([1, 2, 2], ladder.Actions.Select(a => a.Rung));
        Assert.Equal(AccessState.Suspended, copy.StateAt(Start.AddHours(1)).State);

        // The untimed challenge of the top rung is lifted when the subject steps down from it; the suspension runs its 30 days.
        var decisions = copy.Advance(Start.AddDays(15));
        var step = Assert.Single(decisions, d => d.Transition.Kind == TransitionKind.StepDown);
        Assert.Equal((2, 1), (step.Transition.From, step.Transition.To));
        Assert.Equal(ActionKind.Challenge, Assert.Single(step.Transition.Actions).Action.Kind);
        Assert.Equal(AccessState.Suspended, copy.StateAt(Start.AddDays(15)).State);
    }

    [Fact]
    public void Restored_actions_are_the_policys_own_instances()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(challenge_failed, 1d) >= 1", ladder: ThreeRungs, cooldown: "1m"));
        var original = Climbed(set, 2);

        var copy = SubjectCodec.Read(SubjectCodec.Write(original), Key, set.For(Scope.Account), out _);

        var definition = copy.Program.Policies[0].Definition;
        Assert.All(copy.Ladders.Single().Actions, held => Assert.Contains(definition.Ladder[held.Rung - 1].Actions, a => ReferenceEquals(a, held.Action)));
    }

    [Fact]
    public void An_overturned_ladder_keeps_its_quiet_time_through_a_snapshot()
    {
        var subject = Busy();
        var policy = subject.Program.Policies.First(p => subject.LadderOf(p).Rung > 0);
        var overturn = subject.Overturn(policy, 1, subject.AsOf!.Value);
        Assert.Contains(overturn, d => d.Transition.Kind == TransitionKind.Overturn);

        var copy = SubjectCodec.Read(SubjectCodec.Write(subject), Key, subject.Program, out _);

        Assert.NotNull(copy.LadderOf(policy).OverturnedUntil);
        Assert.Equal(subject.LadderOf(policy), copy.LadderOf(policy));
        Assert.Equal(0, copy.LadderOf(policy).Rung);
    }

    [Fact]
    public void A_subject_that_observed_nothing_comes_back_as_new()
    {
        var set = PolicySets.Accepted(PolicySets.Policy("count(request, 1h) >= 1"));
        var original = new Subject(Key, set.For(Scope.Account));

        var copy = SubjectCodec.Read(SubjectCodec.Write(original), Key, set.For(Scope.Account), out var restore);

        Assert.True(restore.WindowsRestored);
        Assert.Equal(AccountFacts.Unknown, copy.Account);
        Assert.Same(LadderState.Initial, copy.Ladders.Single());
        Assert.Equal(0, copy.Windows.AllocatedBytes);
    }

    [Fact]
    public void Rejects_every_truncation_of_a_snapshot()
    {
        var subject = Busy();
        var bytes = SubjectCodec.Write(subject);

        for (var length = 0; length < bytes.Length; length++)
        {
            var cut = bytes.AsSpan(0, length).ToArray();
            Assert.Throws<InvalidDataException>(() => SubjectCodec.Read(cut, Key, subject.Program, out _));
        }
    }

    [Fact]
    public void Rejects_a_snapshot_with_any_byte_changed()
    {
        var subject = Busy();
        var bytes = SubjectCodec.Write(subject);

        for (var i = 0; i < bytes.Length; i++)
        {
            var damaged = bytes.ToArray();
            damaged[i] ^= 0x24;
            Assert.Throws<InvalidDataException>(() => SubjectCodec.Read(damaged, Key, subject.Program, out _));
        }
    }

    [Fact]
    public void Rejects_a_snapshot_of_another_format_version_and_says_which()
    {
        var subject = Busy();
        var bytes = SubjectCodec.Write(subject);
        bytes[0] = 9;

        var error = Assert.Throws<InvalidDataException>(() => SubjectCodec.Read(bytes, Key, subject.Program, out _));

        Assert.Contains("format version 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_the_snapshot_of_another_subject()
    {
        var subject = Busy();

        var error = Assert.Throws<InvalidDataException>(() => SubjectCodec.Read(SubjectCodec.Write(subject), "account:a-43", subject.Program, out _));

        Assert.Contains("account:a-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_of_a_busy_account_is_compact()
    {
        var subject = Busy();

        var bytes = SubjectCodec.Write(subject);

        // Its windows alone hold more than twice as many bytes in memory as the whole snapshot takes.
        Assert.True(bytes.Length * 2 < subject.Windows.AllocatedBytes, $"{bytes.Length} B written for {subject.Windows.AllocatedBytes} B of windows");
    }
}
