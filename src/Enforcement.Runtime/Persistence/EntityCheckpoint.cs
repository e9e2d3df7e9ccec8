namespace Enforcement.Runtime.Persistence;

/// <summary>
/// An entity or cluster grain's state as checkpointed: the subject in the policy library's encoding, its members and
/// the actions they inherit. A reactivated grain restores it and replays the journal after <see cref="JournalSeq"/>.
/// </summary>
[GenerateSerializer, Alias("enforcement.entity-checkpoint")]
public sealed class EntityCheckpoint
{
    [Id(0)] public byte[]? Subject { get; set; }

    [Id(1)] public long JournalSeq { get; set; }

    [Id(2)] public long PolicySetVersion { get; set; }

    [Id(3)] public DateTimeOffset? EventTime { get; set; }

    [Id(4)] public DateTimeOffset? Due { get; set; }

    [Id(5)] public long SignalCount { get; set; }

    [Id(6)] public long AuditSeq { get; set; }

    [Id(7)] public string? AuditHash { get; set; }

    /// <summary>The inherited actions (<c>CommandCodec</c>'s encoding of one subject's).</summary>
    [Id(8)] public byte[]? Actions { get; set; }

    /// <summary>Members: account, last journal entry taken, last seen.</summary>
    [Id(9)] public List<string> MemberAccounts { get; set; } = [];

    [Id(10)] public List<long> MemberSeqs { get; set; } = [];

    [Id(11)] public List<long> MemberSeen { get; set; } = [];

    /// <summary>The version of the actions every member has been told.</summary>
    [Id(12)] public long SpreadVersion { get; set; }

    /// <summary>The cases whose outcome the entity has applied (<c>EntityLedger.Reviewed</c>).</summary>
    [Id(13)] public List<string> Reviewed { get; set; } = [];
}
