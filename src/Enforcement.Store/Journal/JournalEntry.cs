namespace Enforcement.Store.Journal;

/// <summary>
/// One command a subject's grain applied, numbered 1, 2, 3… per subject in the order it applied them. A grain that
/// reactivates restores its last checkpoint and re-applies the entries after it. The payload's encoding is the
/// runtime's; the store keeps it as bytes.
/// </summary>
public sealed record JournalEntry(string Subject, long Seq, JournalKind Kind, byte[] Payload);
