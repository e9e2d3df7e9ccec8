namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// A commercial proxy network that resells access: its ordinary customers are legitimate accounts, and campaigns route
/// a share of their accounts through it (<see cref="Campaign.HydraShare"/>), so that extraction mixes with ordinary
/// traffic on the same proxies and address ranges.
/// </summary>
/// <param name="Accounts">Its ordinary customers.</param>
/// <param name="Proxies">Exit nodes: each a value of the <c>proxy</c> key.</param>
/// <param name="IpPrefixes">The address ranges its exits egress from.</param>
/// <param name="Customers">How its ordinary customers behave (their <c>Accounts</c> is <paramref name="Accounts"/>).</param>
public sealed record Hydra(string Name, int Accounts, int Proxies, int IpPrefixes, AccountGroup Customers);
