using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Runtime.Audit;

namespace Enforcement.Runtime.Inheritance;

/// <summary>
/// The actions an account holds because it belongs to entities and clusters, by subject. Held apart from the
/// account's own ladders: they are the entity's decisions, which the account only applies and audits.
/// </summary>
public sealed class Inheritances
{
    private readonly SortedDictionary<string, InheritedActions> bySubject = new(StringComparer.Ordinal);

    // Entity decisions a reviewer overturned for this account: it no longer holds them, and their spreads pass it by.
    private readonly SortedSet<string> waived = new(StringComparer.Ordinal);

    public IReadOnlyCollection<InheritedActions> All => bySubject.Values;

    public bool IsEmpty => bySubject.Count == 0;

    /// <summary>The entity and cluster decisions overturned for this account (<see cref="Waive"/>).</summary>
    public IReadOnlyCollection<string> Waived => waived;

    /// <summary>
    /// A reviewer overturned the entity's decision <paramref name="decision"/> for this account: the actions it gave
    /// are dropped, and later versions of the entity's actions leave them out. A new decision of the entity (another
    /// climb or a renewal, with its own id) applies again.
    /// </summary>
    public ImmutableArray<(string Subject, InheritedAction Action)> Waive(string decision)
    {
        waived.Add(decision);
        var dropped = ImmutableArray.CreateBuilder<(string, InheritedAction)>();
        foreach (var held in bySubject.Values.ToList())
        {
            var lifted = held.Actions.Where(a => a.Decision == decision).ToImmutableArray();
            if (lifted.IsEmpty)
                continue;
            dropped.AddRange(lifted.Select(a => (held.Subject, a)));
            // The subject stays, emptied, at its version: what tells the feed this account has heard it.
            bySubject[held.Subject] = held with { Actions = held.Actions.RemoveRange(lifted) };
        }
        return dropped.ToImmutable();
    }

    /// <summary>True when the account already holds <paramref name="subject"/>'s actions at this version or a later one.</summary>
    public bool Holds(string subject, long version) =>
        bySubject.TryGetValue(subject, out var held) ? held.Version >= version : version == 0;

    /// <summary>Takes the subject's actions at a newer version; answers which actions began and which ended for the account.</summary>
    public (ImmutableArray<InheritedAction> Began, ImmutableArray<InheritedAction> Ended) Apply(InheritedActions next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var held = bySubject.TryGetValue(next.Subject, out var known) ? known.Actions : [];
        var actions = next.Actions.IsDefault ? [] : next.Actions;
        if (waived.Count > 0)
        {
            actions = actions.RemoveAll(a => waived.Contains(a.Decision));
            next = next with { Actions = actions };
        }
        if (known is not null && known.Version >= next.Version)
            return ([], []);
        if (actions.IsEmpty && waived.Count == 0)
            bySubject.Remove(next.Subject);
        else
            bySubject[next.Subject] = next;
        var began = actions.Where(a => !held.Contains(a)).ToImmutableArray();
        var ended = held.Where(a => !actions.Contains(a)).ToImmutableArray();
        return (began, ended);
    }

    /// <summary>The inherited actions as the enforcement state combines them; those of a policy the set no longer has count no more.</summary>
    public IEnumerable<ActiveEnforcement> Enforcements(IReadOnlyDictionary<string, PolicyDefinition> policies)
    {
        foreach (var held in bySubject.Values)
        {
            foreach (var action in held.Actions)
            {
                if (!policies.TryGetValue(action.Policy, out var policy) || !Enum.TryParse<ActionKind>(action.Kind, ignoreCase: true, out var kind))
                    continue;
                var taken = new EnforcementAction(kind, default, null, action.Rpm, action.Challenge);
                yield return new ActiveEnforcement(held.Subject, policy, new ActiveAction(action.Rung, taken, action.TakenAt, action.EffectiveAt, action.Until), action.Decision);
            }
        }
    }

    /// <summary>The first time after <paramref name="after"/> at which an inherited action takes effect or ends.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset? after)
    {
        DateTimeOffset? next = null;
        foreach (var action in bySubject.Values.SelectMany(h => h.Actions))
        {
            foreach (var point in (ReadOnlySpan<DateTimeOffset?>)[action.EffectiveAt, action.Until])
            {
                if (point is { } at && (after is not { } from || at > from) && (next is not { } known || at < known))
                    next = at;
            }
        }
        return next;
    }

    /// <summary>
    /// What of a subject's ladders its members inherit: the actions that change access (throttle, challenge, suspend)
    /// of policies in enforce mode. Observing, escalating and shadow decisions stay with the subject itself.
    /// </summary>
    public static ImmutableArray<InheritedAction> Of(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.Enforcements
            .Where(e => e.Policy.Mode == PolicyMode.Enforce && e.Action.Action.Kind is ActionKind.Throttle or ActionKind.Challenge or ActionKind.Suspend)
            .Select(e => new InheritedAction(
                e.Policy.Id,
                e.Action.Rung,
                e.Action.Action.Name,
                e.Action.Action.Rpm,
                e.Action.Action.Challenge,
                e.Action.TakenAt,
                e.Action.EffectiveAt,
                e.Action.Until,
                DecisionIds.Taking(subject.Key, e.Policy.Id, e.Action.Rung, e.Action.TakenAt)))
            .OrderBy(a => a.Policy, StringComparer.Ordinal)
            .ThenBy(a => a.Rung)
            .ThenBy(a => a.Kind, StringComparer.Ordinal)];
    }
}
