namespace Enforcement.Benchmarks.Conditions;

/// <summary>Which day the evaluated subject has behind it.</summary>
public enum SubjectState
{
    /// <summary>Every account condition holds, so every term of every condition is evaluated.</summary>
    Harvester,

    /// <summary>No condition holds; most stop at their first or second term.</summary>
    Ordinary,
}
