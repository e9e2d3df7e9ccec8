using System.Collections.Immutable;

namespace Enforcement.Store.Audit;

/// <summary>
/// A digest over every chain at one moment: the head of each and a root hash over all heads. An operator keeps it
/// apart from the database; a chain later found shorter than its head here, or with another hash at that sequence,
/// was cut or rewritten.
/// </summary>
/// <param name="Id">Assigned by the store when saved; 0 before.</param>
/// <param name="Records">The number of records in all chains at the time.</param>
/// <param name="Root">SHA-256 over the heads in order (see <see cref="AuditChain.RootOf"/>).</param>
public sealed record AuditDigest(long Id, DateTimeOffset At, long Records, string Root, ImmutableArray<ChainHead> Heads);
