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
    private readonly LadderState[] ladders;

    // The last signal ids observed, as a ring: made on the first id, so subjects fed without ids pay nothing.
    private string[]? evidence;
    private int evidenceCount;

    public Subject(string key, ScopeProgram program)
        : this(key, program, new SubjectWindows(program.Layout), AccountFacts.Unknown, [.. Enumerable.Repeat(LadderState.Initial, program.Policies.Length)])
    {
    }

    /// <summary>A subject as a snapshot recorded it: <paramref name="ladders"/> by policy index of <paramref name="program"/>.</summary>
    internal Subject(string key, ScopeProgram program, SubjectWindows windows, AccountFacts account, LadderState[] ladders)
    {
        Key = key;
        Program = program;
        Windows = windows;
        scope = new EvaluationScope(Windows) { Account = account };
        this.ladders = ladders;
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

    public LadderState LadderOf(CompiledPolicy policy) => ladders[policy.Index];

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

        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            var holds = policy.Condition.Evaluate(scope);
            var outcome = Ladder.Evaluate(policy.Definition, ladders[policy.Index], holds, now, Key);
            ladders[policy.Index] = outcome.State;
            foreach (var transition in outcome.Transitions)
            {
                var decision = transition.Kind is TransitionKind.Climb or TransitionKind.Renew
                    ? new Decision(Key, policy, transition, policy.Condition.Explain(scope)) { Evidence = Evidence() }
                    : new Decision(Key, policy, transition, null);
                (decisions ??= []).Add(decision);
            }
        }
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>Lets time pass to <paramref name="now"/>: expiries, decay and delayed actions taking effect.</summary>
    public IReadOnlyList<Decision> Advance(DateTimeOffset now)
    {
        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            var outcome = Ladder.Advance(policy.Definition, ladders[policy.Index], now);
            ladders[policy.Index] = outcome.State;
            foreach (var transition in outcome.Transitions)
                (decisions ??= []).Add(new Decision(Key, policy, transition, null));
        }
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>
    /// Lifts the actions of <paramref name="kind"/> in force under every policy of the scope, as when the account passes
    /// a challenge; see <see cref="Ladder.Lift"/>. Timers due by <paramref name="now"/> run first and are decided too.
    /// </summary>
    public IReadOnlyList<Decision> Lift(ActionKind kind, DateTimeOffset now)
    {
        List<Decision>? decisions = null;
        foreach (var policy in Program.Policies)
        {
            var outcome = Ladder.Lift(policy.Definition, ladders[policy.Index], kind, now);
            ladders[policy.Index] = outcome.State;
            foreach (var transition in outcome.Transitions)
                (decisions ??= []).Add(new Decision(Key, policy, transition, null));
        }
        return decisions ?? (IReadOnlyList<Decision>)[];
    }

    /// <summary>When <see cref="Advance"/> would next change something, or null: the runtime sets its timer there.</summary>
    public DateTimeOffset? NextDue => Program.Policies
        .Select(p => Ladder.NextDue(p.Definition, ladders[p.Index]))
        .Where(due => due is not null)
        .Min();

    /// <summary>Every action this subject's ladders hold, whether or not in force yet; <see cref="EnforcementState.Combine"/> sorts that out.</summary>
    public IEnumerable<ActiveEnforcement> Enforcements => Program.Policies.SelectMany(p =>
        ladders[p.Index].Actions.Select(a => new ActiveEnforcement(Key, p.Definition, a, null)));

    public EnforcementState StateAt(DateTimeOffset now) => EnforcementState.Combine(Enforcements, now);

    public ImmutableArray<LadderState> Ladders => [.. ladders];

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
