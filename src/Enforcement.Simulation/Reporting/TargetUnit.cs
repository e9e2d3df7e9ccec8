namespace Enforcement.Simulation.Reporting;

/// <summary>What a target's limit and figure count.</summary>
public enum TargetUnit
{
    /// <summary>A share in 0..1.</summary>
    Share,

    /// <summary>A number of accounts.</summary>
    Accounts,

    /// <summary>Signals per second.</summary>
    SignalsPerSecond,
}
