using System.Collections.Immutable;

namespace Enforcement.Store.Cases;

/// <summary>
/// A case as the store keeps it: the columns the queue is filtered and ordered by, and the whole case as the runtime
/// wrote it (<paramref name="Body"/>, JSON the store does not read).
/// </summary>
/// <param name="Kind"><c>escalation</c> or <c>appeal</c>.</param>
/// <param name="Status"><c>open</c>, <c>claimed</c>, <c>awaiting-confirmation</c>, <c>upheld</c>, <c>overturned</c>.</param>
/// <param name="Urgency">The priority as a rank, higher first: the queue's order.</param>
/// <param name="Due">When the scheduler must look at the case again (its deadline while open, at once while its outcome is not yet applied), or null.</param>
/// <param name="Policies">The policies whose decisions the case concerns: what policy quality counts by.</param>
/// <param name="Version">Increases with every change; a replacement names the version it read.</param>
public sealed record StoredCase(
    string Id,
    string Kind,
    string Queue,
    string Status,
    int Urgency,
    DateTimeOffset Deadline,
    DateTimeOffset? Due,
    string Subject,
    string? Account,
    ImmutableArray<string> Policies,
    long Version,
    string Body);
