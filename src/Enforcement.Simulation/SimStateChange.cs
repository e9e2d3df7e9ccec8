namespace Enforcement.Simulation;

/// <summary>An account's enforcement state after a change: <c>allow</c>, <c>throttle</c> (with <paramref name="Rpm"/>), <c>challenge</c> (with its kind) or <c>suspended</c>.</summary>
public sealed record SimStateChange(string Account, string State, int? Rpm, string? Challenge, DateTimeOffset At);
