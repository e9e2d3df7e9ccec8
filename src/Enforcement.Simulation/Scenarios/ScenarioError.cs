namespace Enforcement.Simulation.Scenarios;

/// <summary>One problem of a scenario file, where it is.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
