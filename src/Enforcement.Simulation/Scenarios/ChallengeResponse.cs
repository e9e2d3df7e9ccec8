namespace Enforcement.Simulation.Scenarios;

/// <summary>What a campaign does with an account the service challenges.</summary>
public enum ChallengeResponse
{
    /// <summary>Attempts the challenge and fails it; without replacement, tries again every hour.</summary>
    Fail,

    /// <summary>Leaves the account without attempting it.</summary>
    Abandon,
}
