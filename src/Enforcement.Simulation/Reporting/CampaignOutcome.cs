using System.Collections.Immutable;

namespace Enforcement.Simulation.Reporting;

/// <summary>What one campaign got out of the service.</summary>
/// <param name="Accounts">Accounts it used, replacements included.</param>
/// <param name="ExchangesAttempted">Exchanges its scripts attempted, whether or not an account was left to send them.</param>
/// <param name="ServedUnrestricted">Served while the sending account was <c>allow</c> at the gateway.</param>
/// <param name="Refused">Not served: refused by the gateway, or no account left to send them.</param>
/// <param name="UnrestrictedShare"><paramref name="ServedUnrestricted"/> over <paramref name="ExchangesAttempted"/>.</param>
/// <param name="ContainedAt">See <see cref="Containment"/>; null when the campaign was never contained.</param>
/// <param name="TimeToContainment">From <paramref name="FirstExchange"/> to <paramref name="ContainedAt"/>.</param>
/// <param name="AccountsRestricted">Its accounts ever throttled, challenged or suspended, as the gateway saw them.</param>
/// <param name="RestrictedShare"><paramref name="AccountsRestricted"/> over <paramref name="Accounts"/>.</param>
public sealed record CampaignOutcome(
    string Name,
    int Accounts,
    int Replacements,
    long ExchangesAttempted,
    long Served,
    long ServedUnrestricted,
    long Refused,
    double UnrestrictedShare,
    DateTimeOffset? FirstExchange,
    DateTimeOffset? ContainedAt,
    TimeSpan? TimeToContainment,
    int AccountsRestricted,
    double RestrictedShare,
    ImmutableArray<HourCounts> Hours);
