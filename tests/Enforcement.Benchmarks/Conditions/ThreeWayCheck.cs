using Enforcement.Benchmarks.Shared;
using Enforcement.Policy;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// Before anything is timed, the three ways must agree on every policy: the harvester's and the ordinary account's
/// days are replayed and compared every quarter hour, which passes through many mixes of true and false as volumes
/// build up, and each day must end where the benchmark claims (all true, all false).
/// </summary>
internal static class ThreeWayCheck
{
    private static readonly long Step = TimeSpan.FromMinutes(15).Ticks;

    /// <summary>Returns how many states were compared and how many distinct outcomes they showed.</summary>
    public static (int States, int Outcomes) Run(
        ScopeProgram program, SignalCatalog catalog, HandWrittenConditions handWritten, RulesEngineConditions rulesEngine)
    {
        var outcomes = new HashSet<int>();
        var states = 0;
        foreach (var (day, expected) in new[] { (AccountDay.Harvester(catalog), AccountPolicies.All), (AccountDay.Ordinary(catalog), 0) })
        {
            var scope = new EvaluationScope(new SubjectWindows(program.Layout)) { Account = day.Facts };
            var next = 0;
            var last = -1;
            for (var now = AccountDay.Start + Step; now <= AccountDay.Now; now += Step)
            {
                while (next < day.Observations.Length && day.Observations[next].At <= now)
                    scope.Windows.Add(day.Observations[next++]);
                scope.Now = now;
                last = Compare(program, scope, handWritten, rulesEngine, day.Account);
                outcomes.Add(last);
                states++;
            }
            if (last != expected)
                throw new InvalidOperationException($"{day.Account}'s day ends with policies {Bits(last)} holding, not {Bits(expected)}: the benchmark's states are not what they claim");
        }
        return (states, outcomes.Count);
    }

    private static int Compare(ScopeProgram program, EvaluationScope scope, HandWrittenConditions handWritten, RulesEngineConditions rulesEngine, string account)
    {
        var compiled = 0;
        foreach (var policy in program.Policies)
        {
            if (policy.Condition.Evaluate(scope))
                compiled |= 1 << policy.Index;
        }
        var byHand = handWritten.Evaluate(scope);
        var memoized = handWritten.EvaluateMemoized(scope);
        var byRules = rulesEngine.EvaluateCheckedAsync(scope).AsTask().GetAwaiter().GetResult();
        if (compiled != byHand || compiled != memoized || compiled != byRules)
        {
            var at = new DateTimeOffset(scope.Now, TimeSpan.Zero);
            throw new InvalidOperationException(
                $"{account} at {at:u}: compiled {Bits(compiled)}, hand-written {Bits(byHand)}, memoized {Bits(memoized)}, RulesEngine {Bits(byRules)} (bit i is policy i: "
                + string.Join(", ", program.Policies.Select(p => p.Id)) + ")");
        }
        return compiled;
    }

    private static string Bits(int mask) => Convert.ToString(mask, 2).PadLeft(AccountPolicies.Shipped.Length, '0');
}
