namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// A campaign moving <paramref name="Share"/> of its traffic to <paramref name="Model"/>: the share on the new model
/// rises evenly from 0 at <paramref name="At"/> to <paramref name="Share"/> at <paramref name="At"/> + <paramref name="Within"/>.
/// </summary>
/// <param name="At">Offset from the scenario's start; the model's release when the file leaves it out.</param>
public sealed record Pivot(TimeSpan At, string Model, double Share, TimeSpan Within);
