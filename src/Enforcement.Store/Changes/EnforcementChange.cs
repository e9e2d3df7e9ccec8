namespace Enforcement.Store.Changes;

/// <summary>
/// An account's enforcement state after a change, as the feed carries it.
/// </summary>
/// <param name="Version">The account's enforcement version after the change (1, 2, 3…).</param>
/// <param name="State">allow, throttle, challenge or suspended.</param>
/// <param name="At">When the state changed (event time).</param>
/// <param name="Body">The whole enforcement answer as JSON, so that a gateway's copy needs no second call.</param>
public sealed record EnforcementChange(string Account, long Version, string State, DateTimeOffset At, string Body);
