namespace Enforcement.Store.Cases;

/// <summary>Which cases a reviewer lists: all filters optional; <paramref name="Statuses"/> empty means every status.</summary>
/// <param name="After">Only cases after this place in the queue's order: the next page of a listing.</param>
public sealed record CaseQuery(string? Queue, IReadOnlyCollection<string> Statuses, string? Account, string? Subject, int Limit, CasePosition? After = null);
