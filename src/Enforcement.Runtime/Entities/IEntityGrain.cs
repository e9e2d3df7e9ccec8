using System.Collections.Immutable;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;
using Orleans.Concurrency;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// An entity (one value of a linkage key: <c>payment:9f3a</c>) or a cluster (<c>cluster:c-1f2e</c>), keyed by its
/// subject key. Fed by its member accounts; its decisions are inherited by them.
/// </summary>
[Alias("enforcement.entity")]
public interface IEntityGrain : IGrainWithStringKey
{
    /// <summary>Takes the members' signals in order; a member's journal entry already taken has no effect. Answers the actions its members inherit.</summary>
    [Alias("absorb")]
    Task<InheritedActions> Absorb(ImmutableArray<MemberSignals> batch);

    /// <summary>Lets time pass to <paramref name="now"/>, and hands its actions to members that have not had them yet.</summary>
    [Alias("advance")]
    Task<IngestResult> Advance(DateTimeOffset now);

    /// <summary>Every member has been told the actions of <paramref name="version"/>.</summary>
    [Alias("spread")]
    Task Spread(long version);

    [Alias("view"), AlwaysInterleave]
    Task<SubjectView> GetView();

    /// <summary>
    /// Reviewers decided case <paramref name="caseId"/> about the entity's own decisions: an overturn takes back the
    /// contested climbs and every member is told, as of any change of the entity's actions. A case already applied
    /// changes nothing.
    /// </summary>
    [Alias("review")]
    Task<IngestResult> Review(string caseId, Cases.CaseOutcome outcome, ImmutableArray<string> decisions);
}
