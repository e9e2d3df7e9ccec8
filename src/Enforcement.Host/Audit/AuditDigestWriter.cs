using System.Globalization;
using Enforcement.Host.Configuration;
using Enforcement.Store;
using Enforcement.Store.Audit;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Audit;

/// <summary>
/// Takes a digest of the whole audit log, keeps it in the store and writes it as a file under
/// <c>&lt;DataDir&gt;/digests/</c>, which an operator copies somewhere the database's writers cannot reach. Idempotent:
/// when nothing was recorded since the latest digest, that digest still pins every head and is answered again.
/// </summary>
public sealed partial class AuditDigestWriter(IEnforcementStore store, IOptions<EnforcementOptions> options, TimeProvider time, ILogger<AuditDigestWriter> logger)
{
    public async Task<SavedDigest> TakeAsync(CancellationToken cancellationToken)
    {
        var digest = await AuditDigests.ComputeAsync(store, time.GetUtcNow(), cancellationToken);
        var latest = await store.ReadLatestDigestAsync(cancellationToken);
        var unchanged = latest is not null && latest.Root == digest.Root && latest.Records == digest.Records;
        var saved = unchanged ? latest! : await store.SaveDigestAsync(digest, cancellationToken);
        var file = await WriteFileAsync(saved, cancellationToken);
        if (!unchanged)
            LogTaken(logger, saved.Id, saved.Records, file);
        return new SavedDigest(saved, file);
    }

    private async Task<string> WriteFileAsync(AuditDigest digest, CancellationToken cancellationToken)
    {
        var folder = options.Value.DigestsPath;
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"digest-{digest.Id:D8}-{digest.At.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
            return path;
        // Written aside and moved, so that a copy taken meanwhile never holds half a digest.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, AuditDigests.ToJson(digest), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit digest {Id} over {Records} records written to {File}")]
    private static partial void LogTaken(ILogger logger, long id, long records, string file);
}

/// <summary>A digest as saved in the store, and the file it was written to.</summary>
public sealed record SavedDigest(AuditDigest Digest, string File);
