namespace Enforcement.Simulation;

/// <summary>A run that cannot go on: the service rejected what the simulator sent, or answered what it cannot follow.</summary>
public sealed class SimulationException : Exception
{
    public SimulationException()
    {
    }

    public SimulationException(string message)
        : base(message)
    {
    }

    public SimulationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
