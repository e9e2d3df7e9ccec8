using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Persistence;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Evaluation;

public sealed class SubjectEvidenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static Observation Request(PolicySet set, DateTimeOffset at)
    {
        Assert.True(Observations.TryCreate(set.Catalog, "request", 1, null, "a-42", 0, at.UtcTicks, null, out var observation, out var problem), problem);
        return observation;
    }

    private static (PolicySet Set, Subject Subject) Account(string when)
    {
        var set = PolicySets.Accepted(PolicySets.Policy(when));
        return (set, new Subject("account:a-42", set.For(Scope.Account)));
    }

    [Fact]
    public void A_climb_carries_the_ids_of_the_last_five_signals_oldest_first()
    {
        var (set, subject) = Account("count(request, 1h) >= 13");
        var decisions = new List<Decision>();

        for (var i = 1; i <= 13; i++)
            decisions.AddRange(subject.Observe(Request(set, Start.AddSeconds(i)), $"s-{i}"));

        var climb = Assert.Single(decisions);
        Assert.Equal<string>(["s-9", "s-10", "s-11", "s-12", "s-13"], climb.Evidence);
    }

    [Fact]
    public void Only_signals_observed_with_an_id_are_evidence()
    {
        var (set, subject) = Account("count(request, 1h) >= 3");

        subject.Observe(Request(set, Start), "s-1");
        subject.Observe(Request(set, Start.AddSeconds(1)));
        var climb = Assert.Single(subject.Observe(Request(set, Start.AddSeconds(2)), "s-3"));

        Assert.Equal<string>(["s-1", "s-3"], climb.Evidence);
    }

    [Fact]
    public void A_subject_fed_without_ids_decides_with_no_evidence()
    {
        var (set, subject) = Account("count(request, 1h) >= 1");

        var climb = Assert.Single(subject.Observe(Request(set, Start)));

        Assert.Empty(climb.Evidence);
    }

    [Fact]
    public void Timer_decisions_carry_no_evidence()
    {
        var (set, subject) = Account("count(request, 1h) >= 1");
        Assert.NotEmpty(Assert.Single(subject.Observe(Request(set, Start), "s-1")).Evidence);

        var expiry = Assert.Single(subject.Advance(Start.AddHours(7)));
        // A step down noticed only when the next signal comes is a timer's decision too.
        var later = subject.Observe(Request(set, Start.AddDays(20)), "s-2");

        Assert.Equal(TransitionKind.Expire, expiry.Transition.Kind);
        Assert.Empty(expiry.Evidence);
        Assert.Equal([TransitionKind.StepDown, TransitionKind.Climb], later.Select(d => d.Transition.Kind));
        Assert.Empty(later[0].Evidence);
        Assert.Equal<string>(["s-1", "s-2"], later[1].Evidence);
    }

    [Fact]
    public void A_restored_subject_starts_its_evidence_afresh()
    {
        var (set, subject) = Account("count(request, 1h) >= 3");
        subject.Observe(Request(set, Start), "s-1");
        subject.Observe(Request(set, Start.AddSeconds(1)), "s-2");

        var copy = SubjectCodec.Read(SubjectCodec.Write(subject), subject.Key, subject.Program, out _);
        var climb = Assert.Single(copy.Observe(Request(set, Start.AddSeconds(2)), "s-3"));

        Assert.Equal<string>(["s-3"], climb.Evidence);
    }
}
