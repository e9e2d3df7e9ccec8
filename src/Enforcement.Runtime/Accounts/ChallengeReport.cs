namespace Enforcement.Runtime.Accounts;

/// <summary>
/// The identity system's word on a challenge: passed lifts the account's challenges in force; failed is taken as a
/// <c>challenge_failed</c> signal, which policies may climb on.
/// </summary>
/// <param name="Id">The report's id, idempotent like a signal's.</param>
[GenerateSerializer, Immutable, Alias("enforcement.challenge-report")]
public sealed record ChallengeReport(
    [property: Id(0)] string Id,
    [property: Id(1)] bool Passed,
    [property: Id(2)] string? Kind,
    [property: Id(3)] DateTimeOffset At);
