namespace Enforcement.Simulation;

/// <summary>What the service made of a batch; a rejected signal is a simulator bug and fails the run.</summary>
public sealed record SendResult(int Accepted, int Duplicates, int Rejected, string? FirstRejection);
