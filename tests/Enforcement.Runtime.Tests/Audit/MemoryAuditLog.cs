using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

/// <summary>
/// An audit log held in a list, as input for the verifier's pure tests: tests edit <see cref="Rows"/> as an attacker
/// would edit a table, and reads order them by subject then seq as a database's ORDER BY would.
/// </summary>
public sealed class MemoryAuditLog(IEnumerable<AuditRecord> rows) : IAuditLog
{
    private readonly List<AuditDigest> digests = [];

    public List<AuditRecord> Rows { get; } = [.. rows];

    public Task<AuditRecord?> ReadAuditTailAsync(string subject, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ordered(subject).LastOrDefault());

    public Task<ImmutableArray<AuditRecord>> ReadAuditAsync(string subject, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ordered(subject).Where(record => record.Seq > afterSeq).Take(limit).ToImmutableArray());

    public async IAsyncEnumerable<AuditRecord> ReadAllAuditAsync(string? subject = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in Ordered(subject))
        {
            await Task.Yield();
            yield return record;
        }
    }

    public async IAsyncEnumerable<ChainHead> ReadChainHeadsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chain in Ordered(null).GroupBy(record => record.Subject, StringComparer.Ordinal))
        {
            await Task.Yield();
            var last = chain.Last();
            yield return new ChainHead(last.Subject, last.Seq, last.Hash);
        }
    }

    public Task<AuditDigest> SaveDigestAsync(AuditDigest digest, CancellationToken cancellationToken = default)
    {
        var saved = digest with { Id = digests.Count + 1 };
        digests.Add(saved);
        return Task.FromResult(saved);
    }

    public Task<AuditDigest?> ReadLatestDigestAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(digests.LastOrDefault());

    private IEnumerable<AuditRecord> Ordered(string? subject) =>
        Rows.Where(record => subject is null || record.Subject == subject)
            .OrderBy(record => record.Subject, StringComparer.Ordinal)
            .ThenBy(record => record.Seq);
}
