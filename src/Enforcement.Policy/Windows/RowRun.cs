namespace Enforcement.Policy.Windows;

/// <summary>
/// Consecutive rows of a ring: <c>Start</c>, <c>Start + stride</c>, … up to <c>End</c> (exclusive), which would hold
/// buckets <c>Bucket</c>, <c>Bucket + 1</c>, …; each row counts only if it still holds its bucket.
/// </summary>
internal readonly record struct RowRun(int Start, int End, long Bucket);
