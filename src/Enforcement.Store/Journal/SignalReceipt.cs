namespace Enforcement.Store.Journal;

/// <summary>
/// Proof that a signal id was taken, with a hash of its content: a retry with the same content is a duplicate, the
/// same id with other content is rejected, as a payment API treats a reused idempotency key.
/// </summary>
/// <param name="ContentHash">A hash of the signal's account, type, value, time and attributes (16 bytes or more).</param>
/// <param name="At">The signal's event time, UTC ticks: receipts older than the oldest signal accepted may be pruned.</param>
public sealed record SignalReceipt(string Id, string Account, byte[] ContentHash, long At);
