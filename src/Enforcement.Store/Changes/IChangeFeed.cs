using System.Collections.Immutable;

namespace Enforcement.Store.Changes;

/// <summary>The resumable feed of enforcement state changes a gateway follows; appended through commits.</summary>
public interface IChangeFeed
{
    /// <summary>Changes with a cursor greater than <paramref name="after"/> (0: from the start), oldest first, at most <paramref name="limit"/>.</summary>
    Task<ImmutableArray<StoredChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken = default);
}
