using System.Collections.Immutable;
using Enforcement.Store.Audit;

namespace Enforcement.Store.Sqlite;

/// <summary>A digest as <c>digests.body</c> holds it; its id is the row's.</summary>
internal sealed record DigestDocument(DateTimeOffset At, long Records, string Root, ImmutableArray<ChainHead> Heads)
{
    public static DigestDocument Of(AuditDigest digest) => new(digest.At, digest.Records, digest.Root, digest.Heads);

    public AuditDigest ToDigest(long id) => new(id, At, Records, Root, Heads);
}
