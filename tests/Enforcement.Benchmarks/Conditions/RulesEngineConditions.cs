using Enforcement.Policy;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;
using RulesEngine.Models;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// The account-scoped conditions of the shipped pack as a Microsoft RulesEngine workflow, one lambda rule per policy
/// in program order, run the way its documentation shows: build the input, then <c>ExecuteAllRulesAsync</c>.
/// </summary>
internal sealed class RulesEngineConditions
{
    private const string WorkflowName = "account";

    private static readonly string[] Expressions =
    [
        "input1.CountRequest1d >= 1000 && input1.ShareReasoning1d + input1.ShareCoding1d + input1.ShareToolUse1d >= 0.9"
            + " && input1.DistinctPromptTemplate1d <= 3 && input1.AccountAgeSeconds < 90 * 86400",
        "input1.CountChallengeFailed1d >= 3",
        "input1.CountRequest1h >= 200 && input1.AvgCotElicitation1h >= 0.8 && input1.AccountAgeSeconds < 30 * 86400 && !input1.AccountVerified",
        "input1.CountNewModelRequest1d >= 300 && input1.CountNewModelRequest1d >= 0.5 * input1.CountRequest1d"
            + " && input1.AvgCotElicitation1d >= 0.7 && input1.AccountAgeSeconds < 30 * 86400",
        "input1.CountRequest1d >= 300 && input1.CountRegionMismatch1d >= 0.8 * input1.CountRequest1d"
            + " && input1.ShareReasoning1d + input1.ShareCoding1d >= 0.7",
    ];

    private readonly global::RulesEngine.RulesEngine engine;
    private readonly AccountSlots slots;

    public RulesEngineConditions(ScopeProgram program, SignalCatalog catalog)
    {
        AccountPolicies.RequireShipped(program);
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules = [.. AccountPolicies.Shipped.Select((policy, i) => new Rule
            {
                RuleName = policy.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = Expressions[i],
            })],
        };
        engine = new global::RulesEngine.RulesEngine([workflow], new ReSettings());

        slots = AccountSlots.Find(program, catalog);
    }

    /// <summary>Bit <c>i</c> set when rule <c>i</c> (the program's policy <c>i</c>) succeeded.</summary>
    public async ValueTask<int> EvaluateAsync(EvaluationScope scope)
    {
        var results = await engine.ExecuteAllRulesAsync(WorkflowName, Input(scope)).ConfigureAwait(false);
        var holds = 0;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].IsSuccess)
                holds |= 1 << i;
        }
        return holds;
    }

    /// <summary>
    /// As <see cref="EvaluateAsync"/>, but throws when a rule failed to compile or run (RulesEngine reports that as
    /// the rule being false, which would pass for agreement wherever the condition is false) or came back out of order.
    /// </summary>
    public async ValueTask<int> EvaluateCheckedAsync(EvaluationScope scope)
    {
        var results = await engine.ExecuteAllRulesAsync(WorkflowName, Input(scope)).ConfigureAwait(false);
        var holds = 0;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {result.ExceptionMessage}");
            if (result.Rule.RuleName != AccountPolicies.Shipped[i].Id)
                throw new InvalidOperationException($"RulesEngine returned rule {result.Rule.RuleName} at position {i}, expected {AccountPolicies.Shipped[i].Id}");
            if (result.IsSuccess)
                holds |= 1 << i;
        }
        return holds;
    }

    /// <summary>The input of one run: every aggregate the rules read, read from the windows now.</summary>
    public AccountAggregates Input(EvaluationScope scope)
    {
        var (windows, now) = (scope.Windows, scope.Now);
        return new AccountAggregates
        {
            CountRequest1h = windows.Read(slots.CountRequest1h, now),
            AvgCotElicitation1h = windows.Read(slots.AvgCot1h, now),
            CountRequest1d = windows.Read(slots.CountRequest1d, now),
            ShareReasoning1d = windows.Read(slots.ShareReasoning1d, now),
            ShareCoding1d = windows.Read(slots.ShareCoding1d, now),
            ShareToolUse1d = windows.Read(slots.ShareToolUse1d, now),
            DistinctPromptTemplate1d = windows.Read(slots.DistinctTemplate1d, now),
            CountChallengeFailed1d = windows.Read(slots.CountChallengeFailed1d, now),
            CountNewModelRequest1d = windows.Read(slots.CountNewModel1d, now),
            AvgCotElicitation1d = windows.Read(slots.AvgCot1d, now),
            CountRegionMismatch1d = windows.Read(slots.CountRegionMismatch1d, now),
            AccountAgeSeconds = scope.Account.AgeSeconds(now),
            AccountVerified = scope.Account.Verified,
        };
    }
}
