namespace Enforcement.Simulation.Scenarios;

/// <summary>A model of the API and when it was released, as an offset from the scenario's start (negative: before it).</summary>
public sealed record ModelRelease(string Name, TimeSpan Released);
