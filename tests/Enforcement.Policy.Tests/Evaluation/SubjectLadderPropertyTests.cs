using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Tests.Persistence;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Evaluation;

/// <summary>
/// A subject keeps its ladders' time once and skips ladders with nothing to do; it must decide exactly as running every
/// ladder function on every policy, each state with its own time, does.
/// </summary>
public sealed class SubjectLadderPropertyTests
{
    private static readonly Lazy<PolicySet> Pack = new(() => PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false).Set!);

    [Fact]
    public void A_subject_decides_as_its_ladders_run_one_by_one_would() =>
        Gen.Select(PackStream.Scopes, PackStream.Facts, PackStream.Steps.Array[1, 200]).Sample((scope, facts, steps) =>
        {
            var program = Pack.Value.For(scope);
            var subject = new Subject($"{scope.Name()}:s-1", program) { Account = facts };
            var reference = new ReferenceSubject(subject.Key, program, facts);
            var player = new PackPlayer(Pack.Value);

            foreach (var step in steps)
            {
                var decided = player.Play(subject, step);
                var expected = reference.Play(Pack.Value, step, player.Latest);
                player.Move(step);

                Assert.Equal(expected, decided.Select(d => (d.Policy.Id, d.Transition)).ToList());
                Assert.Equal<LadderState>(reference.Ladders, subject.Ladders);
                Assert.Equal(reference.NextDue(program), subject.NextDue);
            }
        }, iter: 150);

    /// <summary>The subject as it was written first: one state per policy, each with its own time, every ladder run on every call.</summary>
    private sealed class ReferenceSubject(string key, ScopeProgram program, AccountFacts facts)
    {
        private readonly EvaluationScope scope = new(new SubjectWindows(program.Layout)) { Account = facts };

        public LadderState[] Ladders { get; } = [.. Enumerable.Repeat(LadderState.Initial, program.Policies.Length)];

        public List<(string, LadderTransition)> Play(PolicySet set, PackStep step, long latest)
        {
            var at = new DateTimeOffset(latest + step.Gap, TimeSpan.Zero);
            var transitions = new List<(string, LadderTransition)>();
            if (step.Kind == StepKind.Signal)
            {
                var observation = PackPlayer.ObservationOf(set, step, at.UtcTicks);
                scope.Windows.Add(observation);
                if (scope.Account.FirstSeen == 0)
                    scope.Account = scope.Account with { FirstSeen = observation.At };
                scope.Now = observation.At;
            }
            foreach (var policy in program.Policies)
            {
                var outcome = step.Kind switch
                {
                    StepKind.Signal => Ladder.Evaluate(policy.Definition, Ladders[policy.Index], policy.Condition.Evaluate(scope), at, key),
                    StepKind.Advance => Ladder.Advance(policy.Definition, Ladders[policy.Index], at),
                    _ => Ladder.Lift(policy.Definition, Ladders[policy.Index], ActionKind.Challenge, at),
                };
                Ladders[policy.Index] = outcome.State;
                transitions.AddRange(outcome.Transitions.Select(t => (policy.Id, t)));
            }
            return transitions;
        }

        public DateTimeOffset? NextDue(ScopeProgram program) => program.Policies
            .Select(p => Ladder.NextDue(p.Definition, Ladders[p.Index]))
            .Where(due => due is not null)
            .Min();
    }
}
