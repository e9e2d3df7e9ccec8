using System.Collections.Immutable;

namespace Enforcement.Policy.Definitions;

/// <summary>
/// One case of a policy file's <c>tests:</c>: a subject, the accounts involved, a stream of signals and what must
/// hold at given times. Times are offsets from <see cref="Start"/>.
/// </summary>
/// <param name="Subject">The account id for an account-scoped policy, the linkage value for an entity scope, a name for a cluster.</param>
public sealed record PolicyTest(
    string Name,
    string Subject,
    DateTimeOffset Start,
    ImmutableDictionary<string, TestAccount> Accounts,
    ImmutableArray<TestSignal> Signals,
    ImmutableArray<TestExpectation> Expectations,
    SourceSpan At);

/// <summary>What <c>account.*</c> reads for one account of a test; <see cref="Age"/> is its age at the test's start.</summary>
public sealed record TestAccount(TimeSpan? Age, string? Tier, string? Region, bool? Verified);

/// <summary>
/// A signal, or with <see cref="Every"/> a run of <see cref="Count"/> identical signals spaced that far apart.
/// <see cref="Category"/> holds the value of a category signal, <see cref="Value"/> that of every other kind.
/// With <see cref="Spread"/> above 1 the run is sent round-robin by the accounts <c>account-1</c> to
/// <c>account-N</c>, which is how an entity or cluster test stages many accounts in one line.
/// </summary>
public sealed record TestSignal(
    TimeSpan At,
    string Type,
    double Value,
    string? Category,
    string? Account,
    ImmutableDictionary<string, string> Attrs,
    TimeSpan? Every,
    int Count,
    int Spread,
    SourceSpan Span);

/// <summary>What must hold at <see cref="At"/>; unset fields are not checked.</summary>
public sealed record TestExpectation(
    TimeSpan At,
    string? State,
    int? Rung,
    ActionKind? Action,
    int? Rpm,
    string? Challenge,
    SourceSpan Span);
