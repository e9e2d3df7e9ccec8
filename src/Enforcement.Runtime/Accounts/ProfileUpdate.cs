namespace Enforcement.Runtime.Accounts;

/// <summary>What <c>PUT /v1/accounts/{id}/profile</c> carries; a null field keeps its value.</summary>
[GenerateSerializer, Immutable, Alias("enforcement.profile-update")]
public sealed record ProfileUpdate(
    [property: Id(0)] DateTimeOffset? Created,
    [property: Id(1)] string? Tier,
    [property: Id(2)] string? Region,
    [property: Id(3)] bool? Verified);
