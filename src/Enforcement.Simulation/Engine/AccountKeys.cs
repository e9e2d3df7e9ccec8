namespace Enforcement.Simulation.Engine;

/// <summary>The linkage keys an account's traffic carries; a replacement account keeps its slot's payment and proxy.</summary>
internal sealed record AccountKeys(string IpPrefix, string? Proxy, string Device, string? Org, string Payment, bool RegionMismatch);
