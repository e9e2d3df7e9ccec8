using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Language.Compilation;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Language;

public sealed class ConditionCompilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static (CompiledCondition Condition, EvaluationScope Scope) Compile(string text)
    {
        var (checkedCondition, problems) = ConditionChecker.Check(ConditionText.OnOneLine(text), TestCatalog.Default, Scope.Account);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var builder = new WindowLayoutBuilder(TestCatalog.Default);
        var compiled = new ConditionCompiler(builder).Compile(checkedCondition!);
        var scope = new EvaluationScope(new SubjectWindows(builder.Build())) { Now = Now.UtcTicks };
        return (compiled, scope);
    }

    private static void Observe(EvaluationScope scope, string type, int count, double value = 1, string? category = null, TimeSpan? ago = null)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Now - (ago ?? TimeSpan.FromMinutes(1));
            Assert.True(Observations.TryCreate(TestCatalog.Default, type, value, category, "a-1", 0, at.UtcTicks, null, out var observation, out var problem), problem);
            scope.Windows.Add(observation);
        }
    }

    [Fact]
    public void Evaluates_the_design_example_true_and_false_on_the_evidence()
    {
        var (condition, scope) = Compile("count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 && account.age < 30d");
        scope.Account = AccountFacts.Unknown with { Created = (Now - TimeSpan.FromDays(3)).UtcTicks };
        Observe(scope, "request", 199);
        Observe(scope, "cot_elicitation", 10, 0.9);

        Assert.False(condition.Evaluate(scope));
        Observe(scope, "request", 1);
        Assert.True(condition.Evaluate(scope));
        scope.Account = scope.Account with { Created = (Now - TimeSpan.FromDays(31)).UtcTicks };
        Assert.False(condition.Evaluate(scope));
    }

    [Fact]
    public async Task An_accepted_set_promotes_its_conditions_to_the_second_tier_and_they_decide_alike()
    {
        var set = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies).Set!;
        var subject = new Subject("account:a-1", set.For(Scope.Account));
        var before = subject.Program.Policies.Select(p => p.Condition.Evaluate(new EvaluationScope(subject.Windows) { Now = Now.UtcTicks })).ToList();

        await set.Promoted;

        Assert.All(set.Policies, p => Assert.True(p.Condition.Promoted, p.Id));
        Assert.Equal(before, subject.Program.Policies.Select(p => p.Condition.Evaluate(new EvaluationScope(subject.Windows) { Now = Now.UtcTicks })));
    }

    [Fact]
    public void Reads_the_same_window_through_one_slot_however_often_it_is_written()
    {
        var (condition, _) = Compile("count(request, 1h) > 1 || count(request, 1h) < 0 || count(request, 1d) == 3");

        Assert.Equal(2, condition.Slots.Values.Distinct().Count());
    }

    [Fact]
    public void Explains_a_decision_with_the_value_of_every_term()
    {
        var (condition, scope) = Compile("count(request, 1h) >= 200 && share(capability, \"coding\", 1d) > 0.5 && account.tier in [\"free\", \"trial\"]");
        scope.Account = AccountFacts.Unknown with { Tier = "free" };
        Observe(scope, "request", 250);
        Observe(scope, "capability", 3, category: "coding");
        Observe(scope, "capability", 1, category: "chat");

        var explanation = condition.Explain(scope);

        Assert.True(explanation.Result);
        Assert.Contains(new Term("count(request, 1h)", "250"), explanation.Terms);
        Assert.Contains(new Term("share(capability, \"coding\", 1d)", "0.75"), explanation.Terms);
        Assert.Contains(new Term("account.tier", "\"free\""), explanation.Terms);
        Assert.Contains(new Term("count(request, 1h) >= 200", "true"), explanation.Terms);
    }

    [Fact]
    public void An_empty_window_has_no_average_and_no_comparison_with_it_holds()
    {
        var (below, scope) = Compile("avg(cot_elicitation, 1h) < 0.5");
        var (above, _) = Compile("avg(cot_elicitation, 1h) >= 0.5");

        Assert.False(below.Evaluate(scope));
        Assert.False(above.Evaluate(scope));
        Assert.Contains(new Term("avg(cot_elicitation, 1h)", "none"), below.Explain(scope).Terms);
    }

    [Fact]
    public void Durations_compare_and_scale_as_authors_expect()
    {
        var (condition, scope) = Compile("account.age * 2 > 5d && account.age / 1d < 3 && account.age - 1d >= 36h");
        scope.Account = AccountFacts.Unknown with { Created = (Now - TimeSpan.FromDays(2.75)).UtcTicks };

        Assert.True(condition.Evaluate(scope));
    }

    [Fact]
    public void A_never_profiled_account_is_as_old_as_its_first_signal()
    {
        var (condition, scope) = Compile("account.age < 1h");
        scope.Account = AccountFacts.Unknown with { FirstSeen = (Now - TimeSpan.FromMinutes(30)).UtcTicks };

        Assert.True(condition.Evaluate(scope));
        Assert.Contains(new Term("account.age", "30m"), condition.Explain(scope).Terms);
    }

    [Fact]
    public void A_random_well_typed_condition_evaluates_the_same_compiled_as_interpreted()
    {
        Gen.Select(Expressions.Bool(3), Gen.Int, Gen.Int[0, 400])
            .Sample((text, seed, observations) =>
            {
                var (condition, scope) = Compile(text);
                Fill(scope, new Random(seed), observations);

                var closures = condition.Evaluate(scope);
                var tree = ExpressionCompiler.Compile(condition.Source, condition.Slots)(scope);
                var interpreted = (bool)Explainer.Evaluate(condition.Source, condition.Slots, condition.Source.Root, scope);

                Assert.True(closures == interpreted && tree == interpreted, $"{text}: closures {closures}, expression tree {tree}, interpreted {interpreted}");
            }, iter: 1000);
    }

    private static void Fill(EvaluationScope scope, Random random, int observations)
    {
        string[] tiers = ["free", "pro", "enterprise"];
        scope.Account = new AccountFacts(
            (Now - TimeSpan.FromHours(random.Next(0, 24 * 60))).UtcTicks,
            0,
            tiers[random.Next(tiers.Length)],
            random.Next(2) == 0 ? "US" : "DE",
            random.Next(2) == 0);
        string[] categories = ["chat", "reasoning", "coding", "tool_use", "vision", "other"];
        for (var i = 0; i < observations; i++)
        {
            var at = Now - TimeSpan.FromSeconds(random.Next(0, 3 * 24 * 3600));
            var (type, value, category, attrs) = random.Next(5) switch
            {
                0 => ("request", 1.0, (string?)null, new Dictionary<string, string> { ["ip_prefix"] = $"10.0.{random.Next(5)}.0/24" }),
                1 => ("cot_elicitation", random.NextDouble(), null, null),
                2 => ("capability", 1.0, categories[random.Next(categories.Length)], null),
                3 => ("output_tokens", random.Next(0, 4000), null, null),
                _ => ("payment", 1.0, null, new Dictionary<string, string> { ["payment"] = $"pm-{random.Next(3)}" }),
            };
            Assert.True(Observations.TryCreate(TestCatalog.Default, type, value, category, "a-1", 0, at.UtcTicks, attrs, out var observation, out var problem), problem);
            scope.Windows.Add(observation);
        }
    }
}
