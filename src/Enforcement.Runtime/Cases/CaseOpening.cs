using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Cases;

/// <summary>
/// How cases begin. Ids are derived from what opened them, so that a replayed escalation or an appeal sent twice
/// names the same case and the store keeps one.
/// </summary>
public static class CaseOpening
{
    /// <summary>The case an escalating decision opens, due by its queue's deadline from the decision's time.</summary>
    public static Case Of(Escalation escalation, CaseQueues queues)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(queues);
        var entry = escalation.Decision;
        var id = IdOf("escalation\n" + entry.Decision + "\n" + escalation.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return New(id, Case.Escalation, escalation.Queue, escalation.Priority, entry.Subject, entry.At, null, [DecisionOf(entry)], queues, Audit.DecisionRecords.System);
    }

    /// <summary>The case a customer's appeal opens, concerning the decisions it contests.</summary>
    /// <param name="appeal">The appeal's own id, given by the support desk (or derived from its content): the same id opens the same case.</param>
    public static Case Appeal(string appeal, string account, string queue, string priority, string statement, ImmutableArray<CaseDecision> decisions, DateTimeOffset at, CaseQueues queues, string actor)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return New(IdOf("appeal\n" + appeal), Case.Appeal, queue, priority, SubjectKeys.Account(account), at, statement, decisions, queues, actor);
    }

    /// <summary>A decision as a case shows it, from its audit record.</summary>
    public static CaseDecision DecisionOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new CaseDecision(
            entry.Decision,
            entry.Subject,
            entry.Policy is { } policy ? new CasePolicy(policy.Id, policy.Version, policy.Hash) : null,
            entry.Action,
            entry.At,
            entry.Explanation,
            entry.Evidence is { } evidence ? new CaseEvidence(evidence.Aggregates, evidence.Signals.IsDefault ? [] : evidence.Signals) : null,
            entry.Inherited);
    }

    private static Case New(string id, string kind, string queue, string priority, string subject, DateTimeOffset at, string? statement, ImmutableArray<CaseDecision> decisions, CaseQueues queues, string actor) => new(
        id,
        kind,
        queue,
        priority,
        CaseStatus.Open,
        subject,
        SubjectKeys.AccountOf(subject),
        at,
        at + queues.DeadlineOf(queue, priority),
        false,
        null,
        statement,
        decisions,
        [new CaseEvent(at, actor, "opened", statement)],
        null,
        null,
        false,
        1);

    private static string IdOf(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return "c-" + Convert.ToHexStringLower(digest[..8]);
    }
}
