namespace Enforcement.Store.Cases;

/// <summary>Which cases a reviewer lists: all filters optional; <paramref name="Statuses"/> empty means every status.</summary>
public sealed record CaseQuery(string? Queue, IReadOnlyCollection<string> Statuses, string? Account, string? Subject, int Limit);
