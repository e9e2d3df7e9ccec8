using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Cases;

/// <summary>A decision that took an <c>escalate</c> action: it opens a case in the action's queue with its priority.</summary>
public sealed record Escalation(AuditEntry Decision, string Queue, string Priority, int Index)
{
    /// <summary>
    /// The escalations among a step's decisions, each paired with its audit entry (<paramref name="entries"/> start
    /// with the decisions' own, in order). Climbs and renewals of enforce-mode policies only: a shadow policy decides
    /// without anyone acting on it.
    /// </summary>
    public static ImmutableArray<Escalation> Of(IReadOnlyList<Decision> decisions, IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(entries);
        ImmutableArray<Escalation>.Builder? found = null;
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (decision.Shadow || decision.Transition.Kind is not (TransitionKind.Climb or TransitionKind.Renew))
                continue;
            var index = 0;
            foreach (var action in decision.Transition.Actions)
            {
                if (action.Action.Kind == ActionKind.Escalate)
                    (found ??= ImmutableArray.CreateBuilder<Escalation>()).Add(new Escalation(entries[i], action.Action.Queue ?? "default", action.Action.Priority ?? CasePriorities.Default, index++));
            }
        }
        return found?.ToImmutable() ?? [];
    }
}
