namespace Enforcement.Simulation.Reporting;

/// <summary>One simulated hour of a population's traffic and enforcement.</summary>
/// <param name="AccountsRestricted">Accounts restricted at the hour's end, as the gateway saw them.</param>
public sealed record HourCounts(int Hour, long ServedUnrestricted, long ServedRestricted, long Refused, int AccountsRestricted)
{
    public long Attempted => ServedUnrestricted + ServedRestricted + Refused;
}
