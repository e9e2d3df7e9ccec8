using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Enforcement.Policy;
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
                at = EventTime is { } now && now > outcome.Outcome.At ? now : outcome.Outcome.At;
                review = ApplyReview(outcome, at, decisions);
                break;
            default:
                throw new ArgumentException($"An account cannot apply {command.GetType().Name}.", nameof(command));
        }
        if (EventTime is not { } known || at > known)
            EventTime = at;

        JournalSeq++;
        var entry = CommandCodec.Encode(Key, JournalSeq, command);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>(decisions.Count);
        var records = ImmutableArray.CreateBuilder<AuditRecord>(decisions.Count);
        var pending = decisions.Select(d => DecisionRecords.EntryOf(d, 0, actor)).Concat(inheritance ?? []).Concat(review ?? []);
        foreach (var unnumbered in pending)
        {
            var auditEntry = unnumbered with { Seq = (Tail?.Seq ?? 0) + 1 };
            var record = AuditChain.Append(Tail, auditEntry);
            Tail = record;
            entries.Add(auditEntry);
            records.Add(record);
        }

        var numbered = entries.DrainToImmutable();
        return new AccountStep(entry, numbered, records.DrainToImmutable(), ChangeAt(EventTime ?? at), TimerChange())
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
    /// Applies reviewers' outcome. An overturn takes back each contested decision: one of the account's own climbs
    /// loses its rung and what it took (<see cref="Subject.Overturn"/>); an entity's decision the account inherited is
    /// waived for this account. Timers due by then run first (<paramref name="timed"/>). Every outcome leaves one audit
    /// entry per contested decision with the reviewers as actor and the case and note as explanation.
    /// </summary>
    private List<AuditEntry> ApplyReview(ApplyOutcome outcome, DateTimeOffset at, List<Decision> timed)
    {
        reviewed.Add(outcome.Case);
        timed.AddRange(Subject.Advance(at));
        var actor = outcome.Outcome.Actor;
        var entries = new List<AuditEntry>();
        var why = $"case {outcome.Case}: {outcome.Outcome.Note}";
        if (outcome.Outcome.Outcome != CaseOutcome.Overturn)
        {
            foreach (var contested in outcome.Decisions)
                entries.Add(ReviewEntry(contested, "uphold", at, actor, why, null, null));
            return entries;
        }

        // Climbs first, all found before any moves: overturning a policy's lowest contested rung takes back the
        // rungs above it too, in one decision that names every contested climb it covers.
        var climbs = new SortedDictionary<int, (CompiledPolicy Policy, int Rung, List<string> Decisions)>();
        var others = new List<string>();
        foreach (var contested in outcome.Decisions)
        {
            if (FindClimb(contested) is not { } climb)
            {
                others.Add(contested);
                continue;
            }
            var known = climbs.GetValueOrDefault(climb.Policy.Index, (Policy: climb.Policy, Rung: climb.Rung, Decisions: new List<string>()));
            known.Decisions.Add(contested);
            climbs[climb.Policy.Index] = known with { Rung = Math.Min(known.Rung, climb.Rung) };
        }
        foreach (var (policy, rung, covered) in climbs.Values)
        {
            foreach (var overturn in Subject.Overturn(policy, rung, at))
            {
                var own = overturn.Transition.Kind == TransitionKind.Overturn;
                entries.Add(DecisionRecords.EntryOf(overturn, 0, own ? actor : DecisionRecords.System) with
                {
                    Explanation = own ? $"overturned {string.Join(", ", covered)}; {why}" : null,
                });
            }
        }
        foreach (var contested in others)
        {
            var waived = Inherited.Waive(contested);
            entries.Add(ReviewEntry(contested, "overturn", at, actor, why, waived.IsEmpty ? null : waived[0], waived.IsEmpty ? null : waived[0].Subject)
                with { Action = waived.IsEmpty ? "none" : string.Join('+', waived.Select(w => w.Action.Kind)) });
        }
        return entries;
    }

    /// <summary>An audit entry of a review that did not move one of the account's ladders: an uphold, or an overturn of an inherited decision.</summary>
    private AuditEntry ReviewEntry(string contested, string kind, DateTimeOffset at, string actor, string why, (string Subject, InheritedAction Action)? waived, string? from)
    {
        var policy = waived is { } w ? policyDefinitions.GetValueOrDefault(w.Action.Policy) : null;
        return new AuditEntry(
            DecisionIds.Of(Key, policy?.Id ?? "", kind + "\n" + contested, 0, at),
            Key,
            0,
            at,
            policy is null ? null : new PolicyRef(policy.Id, policy.Version, policy.ContentHash),
            kind,
            "none",
            "-",
            "-",
            at,
            null,
            from is null ? $"{kind} {contested}; {why}" : $"{kind} {contested} of {from} for this account; {why}",
            null,
            false,
            actor,
            from is null ? null : contested);
    }

    /// <summary>The policy and rung of the account's own climb <paramref name="decision"/>, if its ladder still shows it.</summary>
    private (CompiledPolicy Policy, int Rung)? FindClimb(string decision)
    {
        foreach (var policy in Subject.Program.Policies)
        {
            var ladder = Subject.LadderOf(policy);
            foreach (var action in ladder.Actions)
            {
                if (DecisionIds.Taking(Key, policy.Definition.Id, action.Rung, action.TakenAt) == decision)
                    return (policy, action.Rung);
            }
            // A climb whose actions have all expired still holds its rung until decay.
            if (ladder.LastClimbAt is { } climbed && ladder.Rung > 0 && DecisionIds.Taking(Key, policy.Definition.Id, ladder.Rung, climbed) == decision)
                return (policy, ladder.Rung);
        }
        return null;
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
