namespace Enforcement.Store.Changes;

/// <summary>
/// How far the outbox has delivered the change feed to each destination: the last cursor the destination
/// acknowledged. Kept durably so that a restart resumes there; a position only moves forward, so that a late or
/// repeated acknowledgement of an older batch never sends the feed back over changes already delivered.
/// </summary>
public interface IOutboxPositions
{
    /// <summary>The last cursor delivered to <paramref name="destination"/>; 0 when nothing has been delivered there.</summary>
    Task<long> ReadPositionAsync(string destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the position of <paramref name="destination"/> to <paramref name="cursor"/> when that is further on, and
    /// answers the position it holds afterwards (the stored one when <paramref name="cursor"/> is behind it).
    /// </summary>
    Task<long> AdvancePositionAsync(string destination, long cursor, CancellationToken cancellationToken = default);
}
