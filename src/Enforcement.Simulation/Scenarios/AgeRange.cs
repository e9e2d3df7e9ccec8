namespace Enforcement.Simulation.Scenarios;

/// <summary>How long before it starts an account was created: uniform between the two.</summary>
public sealed record AgeRange(TimeSpan Min, TimeSpan Max);
