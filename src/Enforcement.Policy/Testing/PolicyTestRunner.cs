using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Testing;

/// <summary>
/// Runs the <c>tests:</c> of policy files. Each case runs its policy alone on a fresh subject, feeding it the
/// signals that reach that subject in event-time order and letting time pass to each expectation, exactly as the
/// runtime would; nothing here reads a clock.
/// </summary>
public static class PolicyTestRunner
{
    public static IReadOnlyList<TestResult> RunAll(PolicySet set) =>
    [
        .. set.Policies
            .OrderBy(p => p.Definition.File, StringComparer.Ordinal)
            .SelectMany(p => p.Definition.Tests.Select(t => Run(set, p, t))),
    ];

    public static TestResult Run(PolicySet set, CompiledPolicy policy, PolicyTest test)
    {
        var scope = policy.Definition.Scope;
        var alone = set.For(scope) with { Policies = [policy with { Index = 0 }] };
        var subject = new Subject($"{scope.Name()}:{test.Subject}", alone);
        if (scope == Scope.Account && test.Accounts.TryGetValue(test.Subject, out var account))
            subject.Account = Facts(account, test.Start);

        var observations = Expand(set, test, scope);
        var next = 0;
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var expectation in test.Expectations.OrderBy(e => e.At))
        {
            var at = test.Start + expectation.At;
            for (; next < observations.Count && observations[next].At <= at.UtcTicks; next++)
                subject.Observe(observations[next]);
            subject.Advance(at);
            Check(subject.Program.Policies[0], test, expectation, subject, at, failures);
        }
        return new TestResult(policy.Definition, test, failures.ToImmutable());
    }

    private static AccountFacts Facts(TestAccount account, DateTimeOffset start) => new(
        account.Age is { } age ? (start - age).UtcTicks : 0,
        0,
        account.Tier ?? "",
        account.Region ?? "",
        account.Verified ?? false);

    /// <summary>The signals that reach the subject, runs unrolled, in event-time order (ties in the order written).</summary>
    private static List<Observation> Expand(PolicySet set, PolicyTest test, Scope scope)
    {
        var observations = new List<(Observation Observation, int Order)>();
        foreach (var signal in test.Signals)
        {
            var named = signal.Account ?? test.Subject;
            for (var i = 0; i < Math.Max(1, signal.Count); i++)
            {
                var account = signal.Spread > 1 ? $"{named}-{i % signal.Spread + 1}" : named;
                if (!Reaches(signal, account, test.Subject, scope))
                    continue;
                var at = test.Start + signal.At + (signal.Every ?? TimeSpan.Zero) * i;
                // The set checker has already vetted every test signal against the catalog.
                Observations.TryCreate(set.Catalog, signal.Type, signal.Value, signal.Category, account, Created(test, account, named), at.UtcTicks, signal.Attrs, out var observation, out _);
                observations.Add((observation, observations.Count));
            }
        }
        return [.. observations.OrderBy(o => o.Observation.At).ThenBy(o => o.Order).Select(o => o.Observation)];
    }

    /// <summary>An account spread from a run reads the facts given for the run's account name, unless it has its own.</summary>
    private static long Created(PolicyTest test, string account, string named) =>
        (test.Accounts.GetValueOrDefault(account) ?? test.Accounts.GetValueOrDefault(named)) is { Age: { } age }
            ? (test.Start - age).UtcTicks
            : 0;

    private static bool Reaches(TestSignal signal, string account, string subject, Scope scope) => scope switch
    {
        Scope.Account => account == subject,
        Scope.Cluster => true,
        _ => signal.Attrs.TryGetValue(scope.Name(), out var key) && key == subject,
    };

    /// <param name="policy">The policy as the subject runs it, alone, at index 0.</param>
    private static void Check(CompiledPolicy policy, PolicyTest test, TestExpectation expectation, Subject subject, DateTimeOffset at, ImmutableArray<string>.Builder failures)
    {
        var state = subject.StateAt(at);
        var ladder = subject.LadderOf(policy);
        var wireState = EnforcementState.WireName(state.State);
        void Fail(string expected, string found) => failures.Add(
            $"{expectation.Span}: test '{test.Name}' at {Duration.Format(expectation.At)}: expected {expected}, found {found} (state {wireState}, rung {ladder.Rung})");

        if (expectation.State is { } expectedState && expectedState != wireState)
            Fail($"state {expectedState}", $"state {wireState}");
        if (expectation.Rung is { } rung && rung != ladder.Rung)
            Fail($"rung {rung}", $"rung {ladder.Rung}");
        if (expectation.Action is { } action && !ladder.Actions.Any(a => a.Action.Kind == action && a.InForceAt(at)))
            Fail($"a {action.ToString().ToLowerInvariant()} in force", $"in force: {InForce(ladder, at)}");
        if (expectation.Rpm is { } rpm && rpm != state.Rpm)
            Fail($"rpm {rpm}", $"rpm {(state.Rpm is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        if (expectation.Challenge is { } challenge && challenge != state.Challenge)
            Fail($"challenge {challenge}", $"challenge {state.Challenge ?? "none"}");
    }

    private static string InForce(LadderState ladder, DateTimeOffset at)
    {
        var names = ladder.Actions.Where(a => a.InForceAt(at)).Select(a => a.Action.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
