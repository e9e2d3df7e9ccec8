using System.Collections.Immutable;

namespace Enforcement.Runtime.Entities;

/// <summary>One command an entity or cluster grain applied, as its journal keeps it.</summary>
public abstract record EntityCommand(long PolicySetVersion);

/// <summary>Members' signals taken in. Journaled as references; replay reads the signals back from the members' journals.</summary>
public sealed record AbsorbSignals(long PolicySetVersion, ImmutableArray<MemberSignals> Members) : EntityCommand(PolicySetVersion);

/// <summary>Time passed to <paramref name="Now"/>: expiries, decay, delayed actions.</summary>
public sealed record AdvanceEntity(long PolicySetVersion, DateTimeOffset Now) : EntityCommand(PolicySetVersion);

/// <summary>Reviewers decided a case about the entity's own decisions: an overturn takes back the contested climbs, and members learn the change.</summary>
public sealed record EntityOutcome(long PolicySetVersion, Cases.ApplyCase Review) : EntityCommand(PolicySetVersion);
