using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>Where a case stands; the names are the wire's.</summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string AwaitingConfirmation = "awaiting-confirmation";
    public const string Upheld = "upheld";
    public const string Overturned = "overturned";

    /// <summary>The statuses of cases still to be worked.</summary>
    public static readonly ImmutableArray<string> Undecided = [Open, Claimed, AwaitingConfirmation];

    public static readonly ImmutableArray<string> Decided = [Upheld, Overturned];
}
