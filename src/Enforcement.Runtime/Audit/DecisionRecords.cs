using System.Collections.Immutable;
using System.Globalization;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Definitions;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Audit;

/// <summary>Turns a <see cref="Decision"/> of the policy library into the audit entry that records it and the view the API reports.</summary>
public static class DecisionRecords
{
    public const string System = "system";

    /// <summary>The entry for <paramref name="decision"/>, numbered <paramref name="seq"/> in its subject's chain.</summary>
    public static AuditEntry EntryOf(Decision decision, long seq, string actor)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var transition = decision.Transition;
        var definition = decision.Policy.Definition;
        var kind = KindName(transition.Kind);
        var id = transition.Kind is TransitionKind.Climb or TransitionKind.Renew
            ? DecisionIds.Taking(decision.Subject, definition.Id, transition.To, transition.At)
            : DecisionIds.Of(decision.Subject, definition.Id, kind, transition.To, transition.At);
        var action = transition.Actions.IsDefaultOrEmpty ? "none" : string.Join('+', transition.Actions.Select(a => a.Action.Name));
        var until = transition.Actions.IsDefaultOrEmpty ? null : transition.Actions.Max(a => a.Until);
        return new AuditEntry(
            id,
            decision.Subject,
            seq,
            transition.At,
            new PolicyRef(definition.Id, definition.Version, definition.ContentHash),
            kind,
            action,
            Rung(transition.From),
            Rung(transition.To),
            transition.EffectiveAt,
            until,
            decision.Explanation?.ToString(),
            EvidenceOf(decision),
            decision.Shadow,
            actor,
            null);
    }

    /// <summary>
    /// The entry by which an account records an action of an entity or cluster it belongs to, when it begins to hold it
    /// (<c>inherit</c>) and when it stops (<c>release</c>), quoting the entity's decision in <see cref="AuditEntry.Inherited"/>.
    /// Numbered by the caller.
    /// </summary>
    public static AuditEntry EntryOfInherited(string account, string from, InheritedAction action, bool began, DateTimeOffset at, PolicyDefinition? policy)
    {
        ArgumentNullException.ThrowIfNull(action);
        var kind = began ? "inherit" : "release";
        var rung = Rung(action.Rung);
        return new AuditEntry(
            DecisionIds.Of(account, action.Policy, kind + "\n" + action.Decision, action.Rung, at),
            account,
            0,
            at,
            policy is null ? null : new PolicyRef(policy.Id, policy.Version, policy.ContentHash),
            kind,
            action.Kind,
            began ? "rung 0" : rung,
            began ? rung : "rung 0",
            began && action.EffectiveAt > at ? action.EffectiveAt : at,
            began ? action.Until : null,
            began
                ? $"{from} holds {action.Kind} under {action.Policy} (decision {action.Decision}); the account is a member of {from}"
                : $"{from} no longer holds {action.Kind} under {action.Policy} (decision {action.Decision}), or the account left it",
            null,
            policy?.Mode == PolicyMode.Shadow,
            System,
            action.Decision);
    }

    /// <summary>
    /// Numbers a step's audit entries after <paramref name="tail"/> and chains them: first its decisions (as
    /// <paramref name="actor"/> took them), then the entries it made otherwise (inheritances, reviews). Most steps
    /// decide nothing, and cost nothing here.
    /// </summary>
    public static (ImmutableArray<AuditEntry> Entries, ImmutableArray<AuditRecord> Records, AuditRecord? Tail) Chain(
        AuditRecord? tail, IReadOnlyList<Decision> decisions, string actor, IReadOnlyList<AuditEntry>? made = null, IReadOnlyList<AuditEntry>? alsoMade = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var count = decisions.Count + (made?.Count ?? 0) + (alsoMade?.Count ?? 0);
        if (count == 0)
            return ([], [], tail);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>(count);
        var records = ImmutableArray.CreateBuilder<AuditRecord>(count);
        foreach (var decision in decisions)
            Add(EntryOf(decision, 0, actor));
        foreach (var entry in made ?? [])
            Add(entry);
        foreach (var entry in alsoMade ?? [])
            Add(entry);
        return (entries.MoveToImmutable(), records.MoveToImmutable(), tail);

        void Add(AuditEntry unnumbered)
        {
            var numbered = unnumbered with { Seq = (tail?.Seq ?? 0) + 1 };
            tail = AuditChain.Append(tail, numbered);
            entries.Add(numbered);
            records.Add(tail);
        }
    }

    public static DecisionView ViewOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new DecisionView(
            entry.Decision,
            entry.Subject,
            entry.Policy?.Id ?? "",
            entry.Policy?.Version ?? 0,
            entry.Kind,
            entry.Action,
            entry.From,
            entry.To,
            entry.At,
            entry.EffectiveAt,
            entry.Shadow);
    }

    public static string KindName(TransitionKind kind) => kind switch
    {
        TransitionKind.Climb => "climb",
        TransitionKind.Renew => "renew",
        TransitionKind.StepDown => "step-down",
        TransitionKind.Expire => "expire",
        TransitionKind.TakeEffect => "take-effect",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Rung(int rung) => "rung " + rung.ToString(CultureInfo.InvariantCulture);

    private static Evidence? EvidenceOf(Decision decision)
    {
        if (decision.Explanation is not { } explanation)
            return null;
        var aggregates = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var term in explanation.Terms)
        {
            if (double.TryParse(term.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                aggregates[term.Text] = value;
        }
        return new Evidence(aggregates.ToImmutable(), decision.Evidence.IsDefault ? [] : decision.Evidence);
    }
}
