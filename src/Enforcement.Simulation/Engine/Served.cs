namespace Enforcement.Simulation.Engine;

/// <summary>What the gateway did with an attempted exchange.</summary>
internal enum Served : byte
{
    /// <summary>Served while the account was <c>allow</c>.</summary>
    Unrestricted,

    /// <summary>Served under a throttle, within its rate.</summary>
    Restricted,

    /// <summary>Not served: suspended, challenged, over the throttle's rate, or no account to send it.</summary>
    Refused,
}
