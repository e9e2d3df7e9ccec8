namespace Enforcement.Store.Audit;

/// <summary>Where a chain stops being trustworthy: the subject, the record's sequence and why, in words for an operator.</summary>
public sealed record AuditBreak(string Subject, long Seq, string Reason);
