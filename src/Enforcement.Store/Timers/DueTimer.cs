namespace Enforcement.Store.Timers;

/// <summary>A subject's next due time; <see cref="Due"/> null in a commit clears it.</summary>
public sealed record DueTimer(string Subject, DateTimeOffset? Due);
