namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// The input a team using RulesEngine would hand it: every aggregate and field the account rules read, read from the
/// subject's windows before each run, since RulesEngine's expressions can only see properties of their inputs.
/// Public because RulesEngine binds the expressions' member names against the input's public properties.
/// </summary>
public sealed class AccountAggregates
{
    public double CountRequest1h { get; init; }

    public double AvgCotElicitation1h { get; init; }

    public double CountRequest1d { get; init; }

    public double ShareReasoning1d { get; init; }

    public double ShareCoding1d { get; init; }

    public double ShareToolUse1d { get; init; }

    public double DistinctPromptTemplate1d { get; init; }

    public double CountChallengeFailed1d { get; init; }

    public double CountNewModelRequest1d { get; init; }

    public double AvgCotElicitation1d { get; init; }

    public double CountRegionMismatch1d { get; init; }

    /// <summary>In seconds, as the policy language measures <c>account.age</c>.</summary>
    public double AccountAgeSeconds { get; init; }

    public bool AccountVerified { get; init; }
}
