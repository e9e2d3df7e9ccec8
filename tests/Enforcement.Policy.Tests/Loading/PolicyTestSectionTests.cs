using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>A policy file's <c>tests:</c>: fixtures read into <see cref="PolicyTest"/>, and their mistakes reported.</summary>
public class PolicyTestSectionTests
{
    /// <summary>Starts on line 12 of the policy file.</summary>
    private const string Tests = """
        tests:
          - name: heavy reasoning user is throttled
            subject: a-1
            start: 2026-02-01T12:00:00Z
            accounts:
              a-1: { age: 3d, tier: free, region: US, verified: false }
              a-2:
            signals:
              - { at: 0s, type: request, every: 10s, count: 300, attrs: { ip_prefix: 203.0.113.0/24, model: 4 } }
              - { at: 5m, type: cot_elicitation, value: 0.9 }
              - { at: 6m, type: capability, value: reasoning, account: a-2 }
              - { at: 7m, type: capability, value: "42" }
            expect:
              - { at: 1h, state: throttle, rung: 1, action: throttle, rpm: 20 }
              - { at: 2h, challenge: identity }
          - name: a quiet user is left alone
            subject: a-3
            signals: []
            expect:
              - { at: 1h, state: allow }

        """;

    private static ImmutableArray<PolicyTest> Read(string tests)
    {
        var result = LoadPolicy(MinimalPolicy + tests);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Policies).Tests;
    }

    private static IReadOnlyList<string> ErrorsWith(string line, string replacement)
    {
        Assert.Contains(line, Tests, StringComparison.Ordinal);
        return PolicyErrors(MinimalPolicy + Tests.Replace(line, replacement, StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_reads_its_name_subject_start_and_accounts()
    {
        var test = Read(Tests)[0];

        Assert.Equal("heavy reasoning user is throttled", test.Name);
        Assert.Equal("a-1", test.Subject);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero), test.Start);
        Assert.Equal(new SourceSpan("p.yaml", 13, 5), test.At);
        Assert.Equal(new TestAccount(TimeSpan.FromDays(3), "free", "US", false), test.Accounts["a-1"]);
        Assert.Equal(new TestAccount(null, null, null, null), test.Accounts["a-2"]);
    }

    [Fact]
    public void A_test_starts_at_the_beginning_of_2026_unless_it_says_otherwise() =>
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Read(Tests)[1].Start);

    [Fact]
    public void Test_signals_read_runs_numbers_and_category_values()
    {
        var signals = Read(Tests)[0].Signals;

        var run = signals[0];
        Assert.Equal((TimeSpan.Zero, "request", 1.0, (string?)null, TimeSpan.FromSeconds(10), 300), (run.At, run.Type, run.Value, run.Category, run.Every, run.Count));
        Assert.Equal(new Dictionary<string, string> { ["ip_prefix"] = "203.0.113.0/24", ["model"] = "4" }, run.Attrs);
        Assert.Equal(new SourceSpan("p.yaml", 20, 9), run.Span);
        Assert.Equal((0.9, (string?)null, (TimeSpan?)null, 1), (signals[1].Value, signals[1].Category, signals[1].Every, signals[1].Count));
        Assert.Equal(("reasoning", "a-2", 1.0), (signals[2].Category, signals[2].Account, signals[2].Value));
        Assert.Equal("42", signals[3].Category);
    }

    [Fact]
    public void Expectations_read_each_thing_they_check()
    {
        var expectations = Read(Tests)[0].Expectations;

        Assert.Equal(
            new TestExpectation(TimeSpan.FromHours(1), "throttle", 1, ActionKind.Throttle, 20, null, new SourceSpan("p.yaml", 25, 9)),
            expectations[0]);
        Assert.Equal(
            new TestExpectation(TimeSpan.FromHours(2), null, null, null, null, "identity", new SourceSpan("p.yaml", 26, 9)),
            expectations[1]);
    }

    [Fact]
    public void A_bad_timestamp_is_reported_at_the_value() =>
        Assert.Equal(
            ["p.yaml:15:12: 'start' must be a timestamp with its offset, like 2026-01-01T00:00:00Z, not '2026-02-01 noon'"],
            ErrorsWith("start: 2026-02-01T12:00:00Z", "start: 2026-02-01 noon"));

    [Fact]
    public void A_bad_account_field_is_reported_at_the_value() =>
        Assert.Equal(
            ["p.yaml:17:57: 'verified' must be true or false, not 'no'"],
            ErrorsWith("verified: false", "verified: no"));

    [Fact]
    public void An_account_without_an_id_is_reported_at_its_key() =>
        Assert.Equal(
            ["p.yaml:18:7: 'account id' is empty: expected an account id, like a-1"],
            ErrorsWith("      a-2:", "      ~:"));

    [Fact]
    public void An_unknown_signal_field_is_reported_at_its_key() =>
        Assert.Equal(
            ["p.yaml:21:54: unknown field 'weight': expected one of at, type, value, account, attrs, every, count, spread"],
            ErrorsWith("value: 0.9 }", "value: 0.9, weight: 2 }"));

    [Fact]
    public void A_run_of_no_signals_is_an_error() =>
        Assert.Equal(
            ["p.yaml:20:53: 'count' must be a whole number from 1 to 1000000, not '0'"],
            ErrorsWith("count: 300", "count: 0"));

    [Fact]
    public void A_signal_without_a_type_is_reported_at_its_start() =>
        Assert.Equal(["p.yaml:21:9: missing field 'type'"], ErrorsWith("type: cot_elicitation, ", ""));

    [Fact]
    public void An_unknown_state_is_reported_with_the_states_expected() =>
        Assert.Equal(
            ["p.yaml:25:26: 'state' must be one of allow, throttle, challenge, suspended, not 'banned'"],
            ErrorsWith("state: throttle", "state: banned"));

    [Fact]
    public void An_expectation_of_a_rung_the_ladder_lacks_is_an_error() =>
        Assert.Equal(
            ["p.yaml:25:42: 'rung' must be from 0 to 1, the rungs of the ladder, not 2"],
            ErrorsWith("rung: 1", "rung: 2"));

    [Fact]
    public void An_expectation_that_checks_nothing_is_an_error() =>
        Assert.Equal(
            ["p.yaml:26:9: an expectation needs at least one of state, rung, action, rpm or challenge besides 'at'"],
            ErrorsWith("{ at: 2h, challenge: identity }", "{ at: 2h }"));

    [Fact]
    public void A_test_without_expectations_is_an_error() =>
        Assert.Equal(
            ["p.yaml:30:13: a test needs at least one expectation in 'expect'"],
            ErrorsWith("    expect:\n      - { at: 1h, state: allow }\n", "    expect: []\n"));

    [Fact]
    public void Two_tests_of_one_name_are_reported_at_the_second() =>
        Assert.Equal(
            ["p.yaml:27:11: duplicate test name 'heavy reasoning user is throttled': first used at line 13"],
            ErrorsWith("name: a quiet user is left alone", "name: heavy reasoning user is throttled"));

    [Fact]
    public void A_test_without_a_subject_is_reported_at_its_start() =>
        Assert.Equal(["p.yaml:27:5: missing field 'subject'"], ErrorsWith("    subject: a-3\n", ""));
}
