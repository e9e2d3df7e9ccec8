namespace Enforcement.Simulation;

/// <summary>What the service reads as <c>account.*</c>: sent when an account starts.</summary>
public sealed record SimProfile(string Account, DateTimeOffset Created, string? Tier, string? Region, bool? Verified);
