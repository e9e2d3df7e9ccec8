namespace Enforcement.Host.Outbox;

/// <summary>
/// How long the outbox waits after failed attempts: <see cref="First"/>, then twice as long after each further
/// failure, never more than <see cref="Max"/>. Jitter shortens each wait by up to a fifth, so that hosts that failed
/// together against one receiver do not come back together; it never lengthens one past the cap.
/// </summary>
public sealed record OutboxBackoff(TimeSpan First, TimeSpan Max)
{
    public const double Jitter = 0.2;

    /// <param name="failures">Failed attempts in a row, 1 or more.</param>
    /// <param name="draw">A draw in [0, 1): 0 waits the whole doubled time, nearly 1 a fifth less.</param>
    public TimeSpan After(int failures, double draw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(draw, 1.0);

        // The exponent is bounded so that a receiver down for days doubles towards the cap without overflowing.
        var doubled = First.Ticks * Math.Pow(2, Math.Min(failures - 1, 62));
        var wait = Math.Min(doubled, Max.Ticks);
        return TimeSpan.FromTicks((long)(wait * (1 - Jitter * draw)));
    }
}
