namespace Enforcement.Simulation;

/// <summary>One signal as the detectors would send it; <paramref name="Category"/> is the value of a category signal.</summary>
public sealed record SimSignal(string Id, string Account, string Type, double Value, string? Category, DateTimeOffset At, IReadOnlyDictionary<string, string>? Attrs);
