using System.Collections.Immutable;

namespace Enforcement.Store.Cases;

/// <summary>
/// Cases: escalations and appeals worked by reviewers. An escalation is opened by the commit of the decision that
/// escalated (<see cref="Journal.Commit.Cases"/>), so it exists exactly when its decision does; an appeal is opened
/// here. A case changes only by replacing the version last read, so two reviewers never both win.
/// </summary>
public interface ICases
{
    /// <summary>Stores a new case; false when a case with its id exists already (an appeal sent again).</summary>
    Task<bool> OpenCaseAsync(StoredCase opened, CancellationToken cancellationToken = default);

    Task<StoredCase?> ReadCaseAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the case if it is still at <paramref name="expectedVersion"/>; false if someone changed it first.</summary>
    Task<bool> ReplaceCaseAsync(StoredCase replacement, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Cases matching the query: overdue first (deadline passed while not decided), then by urgency, then deadline.</summary>
    Task<ImmutableArray<StoredCase>> ListCasesAsync(CaseQuery query, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ids of cases due by <paramref name="now"/>, earliest first.</summary>
    Task<ImmutableArray<string>> ReadDueCasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Per policy: its climbs in the audit log, and the appeals, overturns and upholds of cases about its decisions.</summary>
    Task<ImmutableArray<PolicyCaseCounts>> CountCasesByPolicyAsync(CancellationToken cancellationToken = default);
}
