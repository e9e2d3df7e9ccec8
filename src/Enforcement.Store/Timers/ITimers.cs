using System.Collections.Immutable;

namespace Enforcement.Store.Timers;

/// <summary>When each subject next has something due (expiry, decay, a delayed action); kept through commits.</summary>
public interface ITimers
{
    /// <summary>Subjects due at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    Task<ImmutableArray<DueTimer>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}
