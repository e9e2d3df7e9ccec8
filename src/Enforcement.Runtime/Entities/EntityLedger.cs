using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Runtime.Audit;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.PolicySets;
using Enforcement.Store.Audit;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// An entity's or cluster's subject with the sequence around it: its members, journal position, audit chain tail and
/// the actions its members inherit. <see cref="Apply"/> is the one way a command changes it, live and in replay.
/// No I/O.
/// </summary>
public sealed class EntityLedger
{
    /// <summary>A member not seen for this long is forgotten: it no longer inherits, nor counts in any window.</summary>
    public static readonly TimeSpan MemberRetention = TimeSpan.FromDays(31);

    private const int PruneEvery = 256;

    private readonly Dictionary<string, EntityMember> members = new(StringComparer.Ordinal);

    public EntityLedger(string key, PolicySetVersion policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (!SubjectKeys.TryParse(key, out var scope, out _))
            throw new ArgumentException($"'{key}' names no entity or cluster.", nameof(key));
        Key = key;
        Scope = scope;
        Policies = policies;
        Subject = new Subject(key, policies.Set.For(scope));
        Actions = InheritedActions.None(key);
    }

    public string Key { get; }

    public Scope Scope { get; }

    public PolicySetVersion Policies { get; private set; }

    public Subject Subject { get; private set; }

    public long JournalSeq { get; set; }

    public AuditRecord? Tail { get; set; }

    public DateTimeOffset? EventTime { get; set; }

    public DateTimeOffset? Due { get; set; }

    public long SignalCount { get; set; }

    /// <summary>The actions members inherit, with the version that counts their changes.</summary>
    public InheritedActions Actions { get; set; }

    public IReadOnlyDictionary<string, EntityMember> Members => members;

    private readonly SortedSet<string> reviewed = new(StringComparer.Ordinal);

    /// <summary>The cases whose outcome the entity applied: a case is applied once, however often it is sent.</summary>
    public IReadOnlyCollection<string> Reviewed => reviewed;

    public void Review(string caseId) => reviewed.Add(caseId);

    public void Remember(string account, EntityMember member) => members[account] = member;

    public void MoveTo(PolicySetVersion policies, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(subject);
        Policies = policies;
        Subject = subject;
    }

    /// <summary>Applies one command; null when it changes nothing (every member entry already taken), so nothing is journaled.</summary>
    public EntityStep? Apply(EntityCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decisions = new List<Decision>();
        List<AuditEntry>? reviewEntries = null;
        EntityCommand journaled;
        DateTimeOffset at;
        switch (command)
        {
            case AbsorbSignals absorb:
                var taken = Absorb(absorb, decisions, out at);
                if (taken.IsEmpty)
                    return null;
                journaled = absorb with { Members = taken };
                break;
            case AdvanceEntity advance:
                at = advance.Now;
                decisions.AddRange(Subject.Advance(advance.Now));
                journaled = advance;
                break;
            case EntityOutcome outcome:
                at = EventTime is { } now && now > outcome.Review.Outcome.At ? now : outcome.Review.Outcome.At;
                reviewEntries = ApplyReview(outcome.Review, at);
                journaled = outcome;
                break;
            default:
                throw new ArgumentException($"An entity cannot apply {command.GetType().Name}.", nameof(command));
        }
        if (EventTime is not { } known || at > known)
            EventTime = at;

        JournalSeq++;
        if (JournalSeq % PruneEvery == 0)
            Prune();
        var entry = EntityCodec.Encode(Key, JournalSeq, journaled);
        var (numbered, records, tail) = DecisionRecords.Chain(Tail, decisions, DecisionRecords.System, reviewEntries);
        Tail = tail;

        // Actions change only with a transition: most steps decide nothing and need not look.
        var changed = false;
        if (decisions.Count > 0 || reviewEntries is not null)
        {
            var current = Inheritances.Of(Subject);
            if (!current.SequenceEqual(Actions.Actions))
            {
                Actions = new InheritedActions(Key, Actions.Version + 1, current, EventTime ?? at);
                changed = true;
            }
        }
        return new EntityStep(entry, numbered, records, TimerChange(changed ? EventTime ?? at : null), changed)
        {
            Escalations = decisions.Count == 0 ? [] : Escalation.Of(decisions, numbered),
        };
    }

    /// <summary>
    /// Applies reviewers' outcome to the entity's own ladders: an overturn takes back the contested climbs
    /// (<see cref="Reversal.OverturnClimbs"/>), and its members learn the change as they learn any; an uphold, or a
    /// contested decision that is not one of the entity's climbs, is audited as it is.
    /// </summary>
    private List<AuditEntry> ApplyReview(ApplyCase review, DateTimeOffset at)
    {
        reviewed.Add(review.Case);
        var entries = new List<AuditEntry>();
        var recorded = review.Overturns ? Reversal.OverturnClimbs(Subject, review, at, entries) : [.. review.Decisions];
        entries.AddRange(recorded.Select(contested => Reversal.Recorded(Key, contested, review.Overturns ? "overturn" : "uphold", "none", at, review, null, null)));
        return entries;
    }

    /// <summary>
    /// Where the timer should stand: at <paramref name="spreadFrom"/> while members have yet to be told of a change (so
    /// that, should the silo stop first, the timer brings the entity back to finish), else at the ladders' next due time.
    /// </summary>
    public DueTimer? TimerChange(DateTimeOffset? spreadFrom)
    {
        var due = spreadFrom ?? Subject.NextDue;
        if (due == Due)
            return null;
        Due = due;
        return new DueTimer(Key, due);
    }

    /// <summary>The members seen most recently, newest first.</summary>
    public ImmutableArray<string> RecentMembers(int count) =>
        [.. members.OrderByDescending(m => m.Value.LastSeen).ThenBy(m => m.Key, StringComparer.Ordinal).Take(count).Select(m => m.Key)];

    private ImmutableArray<MemberSignals> Absorb(AbsorbSignals absorb, List<Decision> decisions, out DateTimeOffset at)
    {
        var catalog = Policies.Set.Catalog;
        at = EventTime ?? DateTimeOffset.MinValue;
        var taken = ImmutableArray.CreateBuilder<MemberSignals>(absorb.Members.Length);
        foreach (var member in absorb.Members)
        {
            if (!members.TryGetValue(member.Account, out var known))
                known = new EntityMember(0, 0);
            else if (known.LastSeq >= member.Seq)
                continue;
            var lastSeen = known.LastSeen;
            foreach (var signal in member.Signals)
            {
                // A signal the active catalog no longer declares counts in no window: its account took it under an older set.
                if (!Observations.TryCreate(catalog, signal.Type, signal.Value, signal.Category, member.Account, member.Created,
                        signal.At.UtcTicks, signal.Attrs, out var observation, out _))
                    continue;
                decisions.AddRange(Subject.Observe(observation, signal.Id));
                SignalCount++;
                lastSeen = Math.Max(lastSeen, signal.At.UtcTicks);
                if (signal.At > at)
                    at = signal.At;
            }
            members[member.Account] = new EntityMember(member.Seq, lastSeen);
            taken.Add(member);
        }
        return taken.ToImmutable();
    }

    private void Prune()
    {
        if (EventTime is not { } now)
            return;
        var horizon = (now - MemberRetention).UtcTicks;
        foreach (var gone in members.Where(m => m.Value.LastSeen < horizon).Select(m => m.Key).ToList())
            members.Remove(gone);
    }
}
