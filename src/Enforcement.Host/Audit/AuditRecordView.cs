using Enforcement.Store.Audit;

namespace Enforcement.Host.Audit;

/// <summary>
/// One record of an account's timeline as the wire shows it: the decision (policy revision, actions, rungs, explanation,
/// evidence, actor) and its place in the hash chain.
/// </summary>
public sealed record AuditRecordView(
    long Seq,
    DateTimeOffset At,
    string Subject,
    PolicyRef? Policy,
    string Action,
    string From,
    string To,
    string? Explanation,
    Evidence? Evidence,
    string Actor,
    string Hash,
    string Prev,
    string Decision,
    string Kind,
    DateTimeOffset EffectiveAt,
    DateTimeOffset? Until,
    bool Shadow,
    string? Inherited)
{
    public static AuditRecordView Of(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = AuditChain.Deserialize(record.Body);
        return new AuditRecordView(
            record.Seq,
            entry.At,
            record.Subject,
            entry.Policy,
            entry.Action,
            entry.From,
            entry.To,
            entry.Explanation,
            entry.Evidence,
            entry.Actor,
            record.Hash,
            record.Prev,
            entry.Decision,
            entry.Kind,
            entry.EffectiveAt,
            entry.Until,
            entry.Shadow,
            entry.Inherited);
    }
}
