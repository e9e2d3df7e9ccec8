using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Checking;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Language;

public sealed class ConditionCheckerTests
{
    private static IReadOnlyList<Diagnostic> Problems(string text, Scope scope = Scope.Account) =>
        ConditionChecker.Check(ConditionText.OnOneLine(text, "p.yaml"), TestCatalog.Default, scope).Problems;

    [Fact]
    public void Accepts_the_condition_of_the_design_example()
    {
        var (condition, problems) = ConditionChecker.Check(
            ConditionText.OnOneLine("count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 && account.age < 30d"),
            TestCatalog.Default,
            Scope.Account);

        Assert.Empty(problems);
        Assert.NotNull(condition);
        Assert.Equal(2, condition.Aggregates.Count);
        Assert.Contains(condition.Aggregates.Values, r => r is { Kind: AggregateKind.Avg, Signal: 1 } && r.Window == TimeSpan.FromHours(1));
        Assert.Equal(AccountField.Age, Assert.Single(condition.Fields.Values));
    }

    [Theory]
    [InlineData("avg(capability, 1h) > 0.5", 1, "avg over 'capability', a category signal: expected a count, score, number or flag signal; a category is read with share(capability, \"value\", window) or count(capability, window)")]
    [InlineData("count(requests, 1h) > 5", 7, "unknown signal 'requests': expected a signal of the catalog (request, cot_elicitation, capability, output_tokens, payment, challenge_failed); did you mean 'request'?")]
    [InlineData("cnt(request, 1h) > 5", 1, "unknown function 'cnt': expected one of avg, count, distinct, max, members, min, new_members, share, sum; did you mean 'count'?")]
    [InlineData("account.tier > 5", 14, "cannot compare string with number: '>' expects two numbers or two durations")]
    [InlineData("account.age < 30", 13, "cannot compare duration with number: '<' expects two numbers or two durations")]
    [InlineData("count(request, 1h)", 1, "a condition must be a bool, found number: expected a comparison such as count(request, 1h) >= 200")]
    [InlineData("count(request, 45s) > 1", 16, "window 45s is out of range: expected a window from 1m to 30d")]
    [InlineData("count(request, 31d) > 1", 16, "window 31d is out of range: expected a window from 1m to 30d")]
    [InlineData("count(request, 7m30s) > 1", 16, "'7m30s' is not a number or a duration: expected a number like 200 or 0.8, or a duration like 90s, 15m, 6h or 30d")]
    [InlineData("count(request, 61m) > 1", 16, "window 61m is not a whole number of 5m buckets: expected 1h or 65m")]
    [InlineData("share(capability, \"gpu\", 1d) > 0.5", 19, "\"gpu\" is not a value of 'capability': expected one of chat, reasoning, coding, tool_use, vision, other")]
    [InlineData("share(output_tokens, \"x\", 1d) > 0.5", 7, "share over 'output_tokens', a number signal: expected a category signal")]
    [InlineData("distinct(ip, 1d) > 3", 10, "unknown attribute 'ip': expected one of device, ip_prefix, model, payment, prompt_template, proxy")]
    [InlineData("members(1d) > 3", 1, "members is only for entity and cluster scopes; this policy's scope is account")]
    [InlineData("account.agee < 30d", 1, "unknown field 'account.agee': expected account.age, account.tier, account.region or account.verified; did you mean 'age'?")]
    [InlineData("request > 3", 1, "signal 'request' cannot stand alone: expected an aggregate over it, such as count(request, 1h)")]
    [InlineData("count(request, 1h) > 1 && 5", 24, "'&&' expects bool operands, found bool && number")]
    [InlineData("account.tier in [\"free\", 3]", 26, "list items must all have one type: expected string, found number")]
    [InlineData("count(request) > 1", 1, "count takes 2 arguments, not 1: expected count(signal, window)")]
    [InlineData("count(request, w) > 1", 16, "expected the window as a duration literal such as 1h: count(signal, window)")]
    [InlineData("account.tier in account.region", 17, "expected a list literal after 'in', such as [\"free\", \"trial\"]")]
    public void Reports_a_problem_where_it_is_and_says_what_was_expected(string text, int column, string message)
    {
        var problem = Assert.Single(Problems(text));

        Assert.Equal(new SourceSpan("p.yaml", 1, column), problem.At);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Account_fields_are_only_for_account_scoped_policies()
    {
        var problem = Assert.Single(Problems("account.age < 7d", Scope.Payment));

        Assert.Equal("'account.age' is only for account-scoped policies; this policy's scope is payment", problem.Message);
    }

    [Fact]
    public void Membership_functions_are_accepted_for_entities()
    {
        Assert.Empty(Problems("members(1d) >= 20 && new_members(7d, 1d) >= 10", Scope.Proxy));
    }

    [Fact]
    public void Reports_every_problem_of_a_condition_not_just_the_first()
    {
        var problems = Problems("avg(capability, 1h) > 0.5 && count(requests, 1h) > 5 && account.tier > 1");

        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void One_mistake_is_reported_once_even_when_it_spoils_the_expression_around_it()
    {
        var problems = Problems("!(count(nope, 1h) + 1 > 2) && true");

        Assert.Single(problems);
    }

    [Fact]
    public void Durations_scale_by_numbers_and_divide_into_numbers()
    {
        Assert.Empty(Problems("account.age * 2 < 30d && account.age / 1d > 0.5 && -account.age < 0s"));
    }
}
