namespace Enforcement.Store.Cases;

/// <summary>
/// A case's place in the queue's order (overdue first, then urgency, deadline and id), as judged at
/// <paramref name="Now"/>: where one page of a listing ended. The next page keeps the same now, so that a case turning
/// overdue between two pages moves neither into a page already read nor out of the rest.
/// </summary>
public sealed record CasePosition(DateTimeOffset Now, bool Overdue, int Urgency, DateTimeOffset Deadline, string Id);
