using Enforcement.Store.Audit;
using Enforcement.Store.Cases;
using Enforcement.Store.Changes;
using Enforcement.Store.Checkpoints;
using Enforcement.Store.Journal;
using Enforcement.Store.PolicySets;
using Enforcement.Store.Timers;

namespace Enforcement.Store;

/// <summary>
/// Everything the runtime keeps durably. The first implementation is SQLite (embedded), the second PostgreSQL (cluster
/// mode): nothing behind this interface may assume a single process. Sequences, uniqueness and ordering are the
/// database's (primary keys, its own sequences), never a lock or counter in memory standing in for them.
/// </summary>
public interface IEnforcementStore : IJournal, IAuditLog, ICheckpoints, IChangeFeed, IOutboxPositions, IPolicySetVersions, ITimers, ICases, IAsyncDisposable
{
    /// <summary>Creates the schema if it is missing; safe to call on every start and from every silo.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the database answers a trivial query: what <c>/health/ready</c> asks.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
