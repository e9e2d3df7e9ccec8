namespace Enforcement.Store.Audit;

/// <summary>
/// One audit record as stored: its entry in canonical JSON (<see cref="Body"/>), chained to the record before it in the
/// same subject's chain. <see cref="Hash"/> is <see cref="AuditChain.HashOf"/> of <see cref="Prev"/> and <see cref="Body"/>.
/// </summary>
/// <param name="Subject">The chain: <c>account:a-42</c>, <c>payment:9f3a</c>.</param>
/// <param name="Seq">1, 2, 3… within the chain.</param>
/// <param name="Prev">The hash of the record before, or <see cref="AuditChain.Genesis"/> for the first.</param>
public sealed record AuditRecord(string Subject, long Seq, string Body, string Prev, string Hash);
