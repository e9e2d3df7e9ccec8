using System.Collections.Immutable;

namespace Enforcement.Simulation.Scenarios;

/// <summary>A scenario file that cannot be run, with every problem found in it.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(ImmutableArray<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ScenarioException()
        : this([])
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ImmutableArray<ScenarioError> Errors { get; }
}
