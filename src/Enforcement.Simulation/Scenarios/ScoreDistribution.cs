namespace Enforcement.Simulation.Scenarios;

/// <summary>A score in 0..1 per exchange: normal around <paramref name="Mean"/>, clamped to the range.</summary>
public sealed record ScoreDistribution(double Mean, double Sd);
