using System.Collections.Immutable;

namespace Enforcement.Store.Audit;

/// <summary>
/// What an audit record says: one decision about one subject. Serialised canonically (<see cref="AuditChain.Serialize"/>)
/// into <see cref="AuditRecord.Body"/>, the bytes the chain hashes. It holds event times only, never the wall clock
/// of the server that wrote it, so that a replay writes the same chain.
/// </summary>
/// <param name="Decision">The decision's id, <c>{subject}#{seq}</c>: enforcement reasons quote it.</param>
/// <param name="At">When the decision was taken (event time).</param>
/// <param name="Kind">climb, renew, step-down, expire, take-effect, lift.</param>
/// <param name="Action">The actions concerned, joined by <c>+</c> (<c>suspend+escalate</c>); <c>none</c> for a step down that lifted nothing.</param>
/// <param name="From">The rung before, as <c>rung N</c>.</param>
/// <param name="To">The rung after, as <c>rung N</c>.</param>
/// <param name="EffectiveAt">When the actions are in force; later than <paramref name="At"/> under a rung's delay.</param>
/// <param name="Until">When the actions taken expire by themselves, if they do.</param>
/// <param name="Explanation">The condition with the value of every term, for climbs and renewals.</param>
/// <param name="Shadow">True for a policy in shadow mode: decided and audited, never enforced.</param>
/// <param name="Actor"><c>system</c>, or the reviewer or system (<c>identity</c>) that decided.</param>
/// <param name="Inherited">The decision of an entity or cluster this one applies to the subject, if any.</param>
public sealed record AuditEntry(
    string Decision,
    string Subject,
    long Seq,
    DateTimeOffset At,
    PolicyRef? Policy,
    string Kind,
    string Action,
    string From,
    string To,
    DateTimeOffset EffectiveAt,
    DateTimeOffset? Until,
    string? Explanation,
    Evidence? Evidence,
    bool Shadow,
    string Actor,
    string? Inherited);

/// <summary>The policy revision a decision ran under, as OPA's decision logs record it.</summary>
/// <param name="Hash">The content hash of the policy set the policy came from.</param>
public sealed record PolicyRef(string Id, int Version, string Hash);

/// <summary>What supported a decision: each aggregate of the condition with its value, and the ids of signals it saw last.</summary>
public sealed record Evidence(ImmutableSortedDictionary<string, double> Aggregates, ImmutableArray<string> Signals);
