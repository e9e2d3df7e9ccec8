namespace Enforcement.Simulation.Reporting;

/// <summary>One target of the scenario with the run's figure.</summary>
/// <param name="AtMost">The figure must be at most <paramref name="Limit"/>; otherwise at least.</param>
/// <param name="Checked">False for a target that does not apply to this run (throughput below full scale): reported, not judged.</param>
public sealed record TargetOutcome(string Name, string Description, TargetUnit Unit, double Limit, double Actual, bool AtMost, bool Met, bool Checked);
