using System.Collections.Immutable;
using Enforcement.Store.Audit;
using Mediator;

namespace Enforcement.Host.Audit;

/// <summary><c>GET /v1/audit/digest</c>: a digest of the log now, saved in the store and as a file.</summary>
public sealed record TakeDigest : ICommand<DigestView>;

/// <summary>A digest as the API answers it: the file's fields, and where the file is on the server.</summary>
public sealed record DigestView(long Id, DateTimeOffset At, long Records, string Root, ImmutableArray<ChainHead> Heads, string File);

public sealed class TakeDigestHandler(AuditDigestWriter writer) : ICommandHandler<TakeDigest, DigestView>
{
    public async ValueTask<DigestView> Handle(TakeDigest command, CancellationToken cancellationToken)
    {
        var (digest, file) = await writer.TakeAsync(cancellationToken);
        return new DigestView(digest.Id, digest.At, digest.Records, digest.Root, digest.Heads, file);
    }
}
