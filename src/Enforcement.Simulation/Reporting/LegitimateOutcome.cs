using System.Collections.Immutable;

namespace Enforcement.Simulation.Reporting;

/// <summary>What the service did to legitimate accounts (the population and the hydra's ordinary customers).</summary>
/// <param name="Throttled">Accounts ever throttled, as the gateway saw them; likewise challenged and suspended.</param>
/// <param name="Restricted">Accounts ever throttled, challenged or suspended.</param>
public sealed record LegitimateOutcome(
    int Accounts,
    int Throttled,
    int Challenged,
    int Suspended,
    int Restricted,
    double ThrottledShare,
    double ChallengedShare,
    double SuspendedShare,
    double RestrictedShare,
    int HydraCustomers,
    int HydraCustomersRestricted,
    long ExchangesAttempted,
    long ServedUnrestricted,
    long ServedRestricted,
    long Refused,
    ImmutableArray<HourCounts> Hours);
