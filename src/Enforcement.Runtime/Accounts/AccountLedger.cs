using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Runtime.Audit;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.PolicySets;
using Enforcement.Store.Audit;
using Enforcement.Store.Changes;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// An account's subject together with the sequence around it: the journal position, the tail of its audit chain, its
/// enforcement version and timer. <see cref="Apply"/> is the one way a command changes it, live and in replay alike,
/// so that replaying the journal gives back the same decisions, chain and versions. No I/O: the grain makes steps
/// durable.
/// </summary>
public sealed class AccountLedger
{
    private static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web);

    public AccountLedger(string account, PolicySetVersion policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Account = account;
        Key = SubjectKeys.Account(account);
        Policies = policies;
        Subject = new Subject(Key, policies.Set.For(Scope.Account));
        LastState = EnforcementState.Allow;
        policyDefinitions = DefinitionsOf(policies);
    }

    private FrozenDictionary<string, PolicyDefinition> policyDefinitions;

    public string Account { get; }

    /// <summary>The subject as audited: <c>account:a-42</c>.</summary>
    public string Key { get; }

    public PolicySetVersion Policies { get; private set; }

    public Subject Subject { get; private set; }

    /// <summary>The sequence of the last journal entry applied.</summary>
    public long JournalSeq { get; set; }

    /// <summary>The last record of the account's audit chain.</summary>
    public AuditRecord? Tail { get; set; }

    public long EnforcementVersion { get; set; }

    public EnforcementState LastState { get; set; }

    /// <summary>The latest event time any command brought.</summary>
    public DateTimeOffset? EventTime { get; set; }

    /// <summary>The due time last written to the store's timers.</summary>
    public DateTimeOffset? Due { get; set; }

    public long SignalCount { get; set; }

    /// <summary>How many linked entities an account remembers for its view: enough for a reviewer, bounded for an account on a thousand addresses.</summary>
    public const int MaxLinks = 64;

    private readonly SortedSet<string> links = new(StringComparer.Ordinal);

    /// <summary>
    /// The entities (<c>payment:9f3a</c>) the account's signals carried, the first <see cref="MaxLinks"/> of them, as the
    /// feed named them when it handed the signals on: a reviewer's view, kept in the checkpoint, not derived in replay.
    /// </summary>
    public IReadOnlyCollection<string> Links => links;

    public void Link(string entity)
    {
        if (links.Count < MaxLinks)
            links.Add(entity);
    }

    private readonly SortedSet<string> reviewed = new(StringComparer.Ordinal);

    /// <summary>The cases whose outcome the account applied: a case is applied once, however often it is sent.</summary>
    public IReadOnlyCollection<string> Reviewed => reviewed;

    /// <summary>Marks a case applied (a restored checkpoint's cases, or one applied now).</summary>
    public void Review(string caseId) => reviewed.Add(caseId);

    /// <summary>The actions the account holds as a member of entities and clusters.</summary>
    public Inheritances Inherited { get; } = new();

    /// <summary>Every action the account's ladders hold, each with the id of the decision that took it, then those it inherits.</summary>
    public ImmutableArray<ActiveEnforcement> Enforcements => [.. Subject.Enforcements.Select(e =>
        e with { Decision = DecisionIds.Taking(Key, e.Policy.Id, e.Action.Rung, e.Action.TakenAt) })
        .Concat(Inherited.Enforcements(policyDefinitions))];

    /// <summary>When time next changes something: a ladder's timer, or an inherited action taking effect or ending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            var own = Subject.NextDue;
            if (Inherited.IsEmpty)
                return own;
            var inherited = Inherited.NextChangeAfter(EventTime);
            return own is not { } o ? inherited : inherited is not { } i ? own : (o < i ? o : i);
        }
    }

    /// <summary>
    /// Moves the account onto another policy set: the subject is rebuilt for the new set's programme and the caller
    /// (which alone can read the journal) refills its windows. Ladders are carried by policy id.
    /// </summary>
    public void MoveTo(PolicySetVersion policies, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(subject);
        Policies = policies;
        Subject = subject;
        policyDefinitions = DefinitionsOf(policies);
    }

    /// <summary>Applies one command: the subject observes, advances or lifts; decisions become chained audit records.</summary>
    public AccountStep Apply(AccountCommand command, string actor = DecisionRecords.System)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decisions = new List<Decision>();
        List<AuditEntry>? inheritance = null;
        List<AuditEntry>? review = null;
        DateTimeOffset at;
        switch (command)
        {
            case ObserveSignals observe:
                at = Observe(observe, decisions);
                break;
            case AdvanceTime advance:
                at = advance.Now;
                decisions.AddRange(Subject.Advance(advance.Now));
                break;
            case UpdateProfile profile:
                at = EventTime ?? DateTimeOffset.MinValue;
                Subject.Account = Merge(Subject.Account, profile.Update);
                break;
            case PassChallenge pass:
                at = pass.At;
                decisions.AddRange(Subject.Lift(ActionKind.Challenge, pass.At));
                actor = "identity";
                break;
            case InheritActions inherit:
                at = EventTime is { } seen && seen > inherit.Actions.At ? seen : inherit.Actions.At;
                inheritance = Inherit(inherit.Actions, at);
                break;
            case ApplyOutcome outcome:
                at = EventTime is { } now && now > outcome.Review.Outcome.At ? now : outcome.Review.Outcome.At;
                review = ApplyReview(outcome.Review, at);
                break;
            default:
                throw new ArgumentException($"An account cannot apply {command.GetType().Name}.", nameof(command));
        }
        if (EventTime is not { } known || at > known)
            EventTime = at;

        JournalSeq++;
        var entry = CommandCodec.Encode(Key, JournalSeq, command);
        var (numbered, records, tail) = DecisionRecords.Chain(Tail, decisions, actor, inheritance, review);
        Tail = tail;
        return new AccountStep(entry, numbered, records, ChangeAt(EventTime ?? at), TimerChange())
        {
            Escalations = decisions.Count == 0 ? [] : Escalation.Of(decisions, numbered),
        };
    }

    private DateTimeOffset Observe(ObserveSignals observe, List<Decision> decisions)
    {
        var catalog = Policies.Set.Catalog;
        var at = EventTime ?? DateTimeOffset.MinValue;
        foreach (var signal in observe.Signals)
        {
            if (!Observations.TryCreate(catalog, signal.Type, signal.Value, signal.Category, Account, Subject.Account.Created,
                    signal.At.UtcTicks, signal.Attrs, out var observation, out var problem))
                throw new InvalidOperationException($"Journaled signal {signal.Id} no longer fits the catalog it was accepted under: {problem}");
            decisions.AddRange(Subject.Observe(observation, signal.Id));
            SignalCount++;
            if (signal.At > at)
                at = signal.At;
        }
        return at;
    }

    /// <summary>The audit entries of an inheritance: one per action that began or ended for the account.</summary>
    private List<AuditEntry> Inherit(InheritedActions next, DateTimeOffset at)
    {
        var (began, ended) = Inherited.Apply(next);
        var entries = new List<AuditEntry>(began.Length + ended.Length);
        foreach (var action in began)
            entries.Add(DecisionRecords.EntryOfInherited(Key, next.Subject, action, began: true, at, policyDefinitions.GetValueOrDefault(action.Policy)));
        foreach (var action in ended)
            entries.Add(DecisionRecords.EntryOfInherited(Key, next.Subject, action, began: false, at, policyDefinitions.GetValueOrDefault(action.Policy)));
        return entries;
    }

    /// <summary>
    /// Applies reviewers' outcome. An overturn takes back each contested decision: the account's own climbs lose their
    /// rungs and what they took (<see cref="Reversal.OverturnClimbs"/>); an entity's decision the account inherited is
    /// waived for this account. Timers due by then run first. Every outcome is audited with the reviewers as actor and
    /// the case and note as explanation.
    /// </summary>
    private List<AuditEntry> ApplyReview(ApplyCase review, DateTimeOffset at)
    {
        reviewed.Add(review.Case);
        var entries = new List<AuditEntry>();
        if (!review.Overturns)
        {
            entries.AddRange(Subject.Advance(at).Select(d => DecisionRecords.EntryOf(d, 0, DecisionRecords.System)));
            entries.AddRange(review.Decisions.Select(contested => Reversal.Recorded(Key, contested, "uphold", "none", at, review, null, null)));
            return entries;
        }
        foreach (var contested in Reversal.OverturnClimbs(Subject, review, at, entries))
        {
            var waived = Inherited.Waive(contested);
            var first = waived.IsEmpty ? ((string Subject, InheritedAction Action)?)null : waived[0];
            entries.Add(Reversal.Recorded(
                Key, contested, "overturn", waived.IsEmpty ? "none" : string.Join('+', waived.Select(w => w.Action.Kind)), at, review,
                first is { } w ? policyDefinitions.GetValueOrDefault(w.Action.Policy) : null, first?.Subject));
        }
        return entries;
    }

    private static FrozenDictionary<string, PolicyDefinition> DefinitionsOf(PolicySetVersion policies) =>
        policies.Set.Policies.ToFrozenDictionary(p => p.Id, p => p.Definition, StringComparer.Ordinal);

    private EnforcementChange? ChangeAt(DateTimeOffset at)
    {
        // Most accounts hold no action and never did: nothing to combine.
        if (ReferenceEquals(LastState, EnforcementState.Allow) && Inherited.IsEmpty && !Subject.Enforcements.Any())
            return null;
        var withIds = EnforcementState.Combine(Enforcements, at);
        if (withIds.Equals(LastState))
            return null;
        LastState = withIds;
        EnforcementVersion++;
        var view = AccountViews.EnforcementOf(Account, withIds, EnforcementVersion);
        return new EnforcementChange(Account, EnforcementVersion, view.State, at, JsonSerializer.Serialize(view, WireJson));
    }

    private DueTimer? TimerChange()
    {
        var due = NextDue;
        if (due == Due)
            return null;
        Due = due;
        return new DueTimer(Key, due);
    }

    private static AccountFacts Merge(AccountFacts facts, ProfileUpdate update) => facts with
    {
        Created = update.Created?.UtcTicks ?? facts.Created,
        Tier = update.Tier ?? facts.Tier,
        Region = update.Region ?? facts.Region,
        Verified = update.Verified ?? facts.Verified,
    };
}
