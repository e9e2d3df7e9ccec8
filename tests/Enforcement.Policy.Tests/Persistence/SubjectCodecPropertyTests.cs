using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Persistence;

namespace Enforcement.Policy.Tests.Persistence;

/// <summary>
/// A subject of the default pack fed a random stream, written and read back halfway: from then on the copy must decide,
/// read and enforce exactly as the original, step for step. <c>CsCheck_Iter=5000 dotnet test --filter SubjectCodecPropertyTests</c>
/// runs it that many times.
/// </summary>
public sealed class SubjectCodecPropertyTests
{
    private static readonly Lazy<PolicySet> Pack = new(() =>
    {
        var result = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false);
        Assert.True(result.Accepted, string.Join("\n", result.Errors));
        return result.Set!;
    });

    private static readonly Gen<RoundTripCase> Cases =
        Gen.Select(PackStream.Scopes, PackStream.Facts, PackStream.Steps.Array[1, 150], PackStream.Steps.Array[0, 100],
            (scope, facts, before, after) => new RoundTripCase(scope, facts, before, after));

    [Fact]
    public void A_restored_subject_decides_reads_and_enforces_exactly_as_the_original() =>
        Cases.Sample(Verify, iter: Iterations(150), print: c => c.ToString());

    [Fact]
    public void The_random_streams_make_the_packs_ladders_climb_and_lift()
    {
        // Guards the property above against streams too tame to exercise ladders and their actions.
        var climbed = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<TransitionKind>();
        Cases.Sample(c =>
        {
            var (_, _, decisions) = Feed(c);
            foreach (var decision in decisions.Where(d => d.Transition.Kind == TransitionKind.Climb))
                climbed.Add(decision.Policy.Id);
            kinds.UnionWith(decisions.Select(d => d.Transition.Kind));
        }, iter: 150);

        Assert.Contains("distillation.challenge-failures", climbed);
        Assert.Contains("distillation.cot-elicitation", climbed);
        Assert.Contains("distillation.payment-ring", climbed);
        Assert.Contains(TransitionKind.Lift, kinds);
    }

    private static long Iterations(long iterations) =>
        Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? iterations : Check.Iter;

    private static void Verify(RoundTripCase c)
    {
        var (original, player, _) = Feed(c);
        var bytes = SubjectCodec.Write(original);
        var copy = SubjectCodec.Read(bytes, original.Key, original.Program, out var restore);

        Assert.True(restore.WindowsRestored);
        Assert.Empty(restore.DroppedPolicies);
        Assert.Empty(restore.AddedPolicies);
        Assert.Equal(bytes, SubjectCodec.Write(copy));
        AssertSame(original, copy, player.Now);

        foreach (var step in c.After)
        {
            var expected = player.Play(original, step);
            var actual = player.Play(copy, step);
            player.Move(step);
            Assert.Equal(Describe(expected), Describe(actual));
            Assert.Equal(original.StateAt(player.Now), copy.StateAt(player.Now));
        }
        AssertSame(original, copy, player.Now);
    }

    private static (Subject Subject, PackPlayer Player, List<Decision> Decisions) Feed(RoundTripCase c)
    {
        var program = Pack.Value.For(c.Scope);
        var subject = new Subject($"{c.Scope.Name()}:s-1", program) { Account = c.Facts };
        var player = new PackPlayer(Pack.Value);
        var decisions = new List<Decision>();
        foreach (var step in c.Before)
        {
            decisions.AddRange(player.Play(subject, step));
            player.Move(step);
        }
        return (subject, player, decisions);
    }

    private static void AssertSame(Subject original, Subject copy, DateTimeOffset now)
    {
        Assert.Equal(original.Account, copy.Account);
        Assert.Equal<LadderState>(original.Ladders, copy.Ladders);
        Assert.Equal(original.NextDue, copy.NextDue);
        Assert.Equal(original.StateAt(now), copy.StateAt(now));
        Assert.Equal(original.Windows.AllocatedBytes, copy.Windows.AllocatedBytes);
        // Reads move running totals, so both are read at the same times: now, and a day on.
        foreach (var at in new[] { now, now.AddDays(1) })
        {
            for (var slot = 0; slot < original.Program.Layout.SlotCount; slot++)
                Assert.Equal(original.Windows.Read(slot, at.UtcTicks), copy.Windows.Read(slot, at.UtcTicks));
        }
    }

    private static List<string> Describe(IReadOnlyList<Decision> decisions) =>
    [
        .. decisions.Select(d =>
            $"{d.Subject} {d.Policy.Id} {d.Transition.Kind} {d.Transition.From}->{d.Transition.To} at {d.Transition.At:O} effective {d.Transition.EffectiveAt:O} "
            + $"[{string.Join("; ", d.Transition.Actions.Select(a => a.ToString()))}] {d.Explanation}"),
    ];

    private sealed record RoundTripCase(Scope Scope, AccountFacts Facts, PackStep[] Before, PackStep[] After)
    {
        public override string ToString() =>
            $"{Scope} {Facts}\nbefore:\n  {string.Join("\n  ", Before.Select(s => s.ToString()))}\nafter:\n  {string.Join("\n  ", After.Select(s => s.ToString()))}";
    }
}
