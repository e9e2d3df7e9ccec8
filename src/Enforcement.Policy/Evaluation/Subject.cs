using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Evaluation;

/// <summary>
/// What a policy judges, in memory: its windows, its account facts and one ladder per policy of its scope. It takes
/// observations and the passing of time and answers with decisions; holding it durably and in sequence is the
/// runtime's job, deciding is the ladder's and the conditions'.
/// </summary>
public sealed class Subject
{
    /// <summary>How many signal ids a subject keeps as evidence for its decisions.</summary>
    public const int EvidenceSize = 5;

    private readonly EvaluationScope scope;

    // One state per policy, kept without its time: every ladder of a subject moves to the same instant on every call,
    // so that time is kept once, in asOf. A ladder at rest (rung 0, nothing held) is the shared LadderState.Initial:
    // the common subject, on which nothing fires, holds no ladder state of its own, and a quiet signal allocates none.
    private readonly LadderState[] ladders;
    private DateTimeOffset? asOf;

    // The last signal ids observed, as a ring: made on the first id, so subjects fed without ids pay nothing.
    private string[]? evidence;
    private int evidenceCount;

    public Subject(string key, ScopeProgram program)
        : this(key, program, new SubjectWindows(program.Layout), AccountFacts.Unknown, [.. Enumerable.Repeat(LadderState.Initial, program.Policies.Length)], null)
    {
    }

    /// <summary>A subject as a snapshot recorded it: <paramref name="ladders"/> by policy index of <paramref name="program"/>, all as of <paramref name="asOf"/>.</summary>
    internal Subject(string key, ScopeProgram program, SubjectWindows windows, AccountFacts account, LadderState[] ladders, DateTimeOffset? asOf)
    {
        Key = key;
        Program = program;
        Windows = windows;
        scope = new EvaluationScope(Windows) { Account = account };
        this.ladders = ladders;
        for (var i = 0; i < ladders.Length; i++)
            ladders[i] = Timeless(ladders[i]);
        this.asOf = asOf;
    }

    /// <summary>The subject as audited: <c>account:a-42</c>, <c>payment:9f3a</c>, <c>cluster:c-7</c>.</summary>
    public string Key { get; }

    public ScopeProgram Program { get; }

    public SubjectWindows Windows { get; }

    public AccountFacts Account
    {
        get => scope.Account;
        set => scope.Account = value;
    }

    /// <summary>The event time every ladder of the subject describes (<see cref="LadderState.AsOf"/>); null before the first call.</summary>
    public DateTimeOffset? AsOf => asOf;

    public LadderState LadderOf(CompiledPolicy policy) => Timed(ladders[policy.Index]);

    /// <summary>Takes a signal in at its event time and evaluates every policy of the scope there.</summary>
    /// <param name="signalId">The signal's id, kept among the last <see cref="EvidenceSize"/> as <see cref="Decision.Evidence"/>.</param>
    public IReadOnlyList<Decision> Observe(in Observation observation, string? signalId = null)
    {
        if (signalId is not null)
        {
            evidence ??= new string[EvidenceSize];
            evidence[evidenceCount++ % EvidenceSize] = signalId;
            if (evidenceCount == 2 * EvidenceSize)
                evidenceCount = EvidenceSize;
        }
        Windows.Add(observation);
        if (scope.Account.FirstSeen == 0)
            scope.Account = scope.Account with { FirstSeen = observation.At };
        scope.Now = observation.At;
        var now = new DateTimeOffset(observation.At, TimeSpan.Zero);
        var at = Latest(now);

        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            var holds = policy.Condition.Evaluate(scope);
            // A false condition with no timer due by then only moves the ladder's time, which is the subject's.
            if (!holds && !IsDue(policy, at))
                continue;
            var outcome = Ladder.Evaluate(policy.Definition, Timed(ladders[policy.Index]), holds, now, Key);
            ladders[policy.Index] = Timeless(outcome.State);
            foreach (var transition in outcome.Transitions)
            {
                var decision = transition.Kind is TransitionKind.Climb or TransitionKind.Renew
                    ? new Decision(Key, policy, transition, policy.Condition.Explain(scope)) { Evidence = Evidence() }
                    : new Decision(Key, policy, transition, null);
                (decisions ??= []).Add(decision);
            }
        }
        asOf = at;
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>Lets time pass to <paramref name="now"/>: expiries, decay and delayed actions taking effect.</summary>
    public IReadOnlyList<Decision> Advance(DateTimeOffset now)
    {
        // Time never runs backwards: advancing to an earlier time changes nothing.
        if (asOf is { } described && now < described)
            return [];

        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            if (!IsDue(policy, now))
                continue;
            var outcome = Ladder.Advance(policy.Definition, Timed(ladders[policy.Index]), now);
            ladders[policy.Index] = Timeless(outcome.State);
            foreach (var transition in outcome.Transitions)
                (decisions ??= []).Add(new Decision(Key, policy, transition, null));
        }
        asOf = now;
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>
    /// Lifts the actions of <paramref name="kind"/> in force under every policy of the scope, as when the account passes
    /// a challenge; see <see cref="Ladder.Lift"/>. Timers due by <paramref name="now"/> run first and are decided too.
    /// </summary>
    public IReadOnlyList<Decision> Lift(ActionKind kind, DateTimeOffset now)
    {
        var at = Latest(now);
        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            var state = ladders[policy.Index];
            if (!IsDue(policy, at) && !state.Actions.Any(a => a.Action.Kind == kind))
                continue;
            var outcome = Ladder.Lift(policy.Definition, Timed(state), kind, now);
            ladders[policy.Index] = Timeless(outcome.State);
            foreach (var transition in outcome.Transitions)
                (decisions ??= []).Add(new Decision(Key, policy, transition, null));
        }
        asOf = at;
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>
    /// A reviewer overturned the climb of <paramref name="policy"/> to <paramref name="rung"/>; see
    /// <see cref="Ladder.Overturn"/>. Timers due by <paramref name="now"/> run first under every policy and are decided too.
    /// </summary>
    public IReadOnlyList<Decision> Overturn(CompiledPolicy policy, int rung, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = Latest(now);
        var decisions = new List<Decision>(Advance(at));
        var outcome = Ladder.Overturn(policy.Definition, Timed(ladders[policy.Index]), rung, at);
        ladders[policy.Index] = Timeless(outcome.State);
        foreach (var transition in outcome.Transitions)
            decisions.Add(new Decision(Key, policy, transition, null));
        return decisions;
    }

    /// <summary>The condition of <paramref name="policy"/> with the value of every term over the windows as they stand, for a reviewer.</summary>
    public Language.Compilation.Explanation Explain(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (asOf is { } at)
            scope.Now = at.UtcTicks;
        return policy.Condition.Explain(scope);
    }

    /// <summary>When <see cref="Advance"/> would next change something, or null: the runtime sets its timer there.</summary>
    public DateTimeOffset? NextDue => Program.Policies
        .Select(p => Ladder.NextDue(p.Definition, ladders[p.Index], asOf))
        .Where(due => due is not null)
        .Min();

    /// <summary>Every action this subject's ladders hold, whether or not in force yet; <see cref="EnforcementState.Combine"/> sorts that out.</summary>
    public IEnumerable<ActiveEnforcement> Enforcements => Program.Policies.SelectMany(p =>
        ladders[p.Index].Actions.Select(a => new ActiveEnforcement(Key, p.Definition, a, null)));

    public EnforcementState StateAt(DateTimeOffset now) => EnforcementState.Combine(Enforcements, now);

    public ImmutableArray<LadderState> Ladders => [.. ladders.Select(Timed)];

    /// <summary>The states as the subject holds them, without their time (<see cref="AsOf"/> has it), for snapshots and measurements.</summary>
    internal ReadOnlySpan<LadderState> HeldLadders => ladders;

    private DateTimeOffset Latest(DateTimeOffset now) => asOf is { } described && described > now ? described : now;

    private bool IsDue(CompiledPolicy policy, DateTimeOffset at) =>
        Ladder.NextDue(policy.Definition, ladders[policy.Index], asOf) is { } due && due <= at;

    private LadderState Timed(LadderState state) => state.AsOf == asOf ? state : state with { AsOf = asOf };

    private static LadderState Timeless(LadderState state)
    {
        if (state is { Rung: 0, LastClimbAt: null, LastTrueAt: null, LastStepDownAt: null, OverturnedUntil: null } && state.Actions.OrEmpty().IsEmpty)
            return LadderState.Initial;
        return state.AsOf is null ? state : state with { AsOf = null };
    }

    /// <summary>The ring's ids, oldest first.</summary>
    private ImmutableArray<string> Evidence()
    {
        if (evidence is null)
            return [];
        var count = Math.Min(evidenceCount, EvidenceSize);
        var ids = ImmutableArray.CreateBuilder<string>(count);
        for (var i = evidenceCount - count; i < evidenceCount; i++)
            ids.Add(evidence[i % EvidenceSize]);
        return ids.MoveToImmutable();
    }
}
