namespace Enforcement.Runtime.Persistence;

/// <summary>
/// An account grain's state as checkpointed: the subject in the policy library's own encoding and the ledger's
/// sequence. A reactivated grain restores it and replays the journal entries after <see cref="JournalSeq"/>.
/// </summary>
[GenerateSerializer, Alias("enforcement.account-checkpoint")]
public sealed class AccountCheckpoint
{
    /// <summary>The subject (<c>SubjectCodec</c>); null before the first checkpoint.</summary>
    [Id(0)] public byte[]? Subject { get; set; }

    [Id(1)] public long JournalSeq { get; set; }

    [Id(2)] public long PolicySetVersion { get; set; }

    [Id(3)] public long EnforcementVersion { get; set; }

    [Id(4)] public DateTimeOffset? EventTime { get; set; }

    [Id(5)] public DateTimeOffset? Due { get; set; }

    [Id(6)] public long SignalCount { get; set; }

    /// <summary>The last audit record's sequence and hash at the checkpoint: replay chains its records from there.</summary>
    [Id(7)] public long AuditSeq { get; set; }

    [Id(8)] public string? AuditHash { get; set; }

    /// <summary>The actions the account inherits from entities and clusters, each subject's as <c>CommandCodec</c> writes them.</summary>
    [Id(9)] public byte[]? Inherited { get; set; }

    /// <summary>The entities the account's signals carried (<c>AccountLedger.Links</c>).</summary>
    [Id(10)] public List<string> Links { get; set; } = [];

    /// <summary>Entity decisions overturned for the account (<c>Inheritances.Waived</c>).</summary>
    [Id(11)] public List<string> Waived { get; set; } = [];

    /// <summary>The cases whose outcome the account has applied (<c>AccountLedger.Reviewed</c>).</summary>
    [Id(12)] public List<string> Reviewed { get; set; } = [];
}
