using Enforcement.Store.Audit;
using Enforcement.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Audit;

/// <summary>
/// <c>enforce audit verify</c>: walks every chain of the database against a digest and prints <c>ok: …</c> (exit 0)
/// or the first break as <c>broken: subject seq n: reason</c> (exit 1); exit 2 when it cannot verify at all.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console) : AsyncCommand<AuditVerifySettings>
{
    private const int Broken = 1;
    private const int Error = 2;

    public override async Task<int> ExecuteAsync(CommandContext context, AuditVerifySettings settings, CancellationToken cancellationToken)
    {
        // Opening a missing file would create an empty database, which verifies as a clean, empty log.
        if (!File.Exists(settings.Database))
            return Fail($"{settings.Database}: no such database file (give its path with --db)");

        AuditDigest? fileDigest = null;
        if (settings.Digest is { } digestFile)
        {
            if (!File.Exists(digestFile))
                return Fail($"{digestFile}: no such digest file");
            try
            {
                fileDigest = AuditDigests.FromJson(await File.ReadAllTextAsync(digestFile, cancellationToken).ConfigureAwait(false));
            }
            catch (FormatException e)
            {
                return Fail($"{digestFile}: {e.Message}");
            }
        }

        SqliteStore store;
        try
        {
            store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = settings.Database }, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            return Fail($"{settings.Database}: cannot open the database: {e.Message}");
        }

        await using (store.ConfigureAwait(false))
        {
            var digest = fileDigest ?? await LatestDigestAsync(store, cancellationToken).ConfigureAwait(false);
            if (digest is not null && !AuditDigests.IsConsistent(digest))
            {
                console.MarkupLineInterpolated($"[red]broken[/]: the latest digest in the database (#{digest.Id} of {Time(digest)}) was edited: its root does not match its heads");
                return Broken;
            }
            if (fileDigest is not null)
                console.MarkupLineInterpolated($"using the digest in {settings.Digest}: {fileDigest.Records} records of {Time(fileDigest)}");

            var result = await AuditVerifier.VerifyAsync(store, digest, settings.Subject, cancellationToken).ConfigureAwait(false);
            if (result.Broken is { } broken)
            {
                console.MarkupLineInterpolated($"[red]broken[/]: {broken.Subject} seq {broken.Seq}: {broken.Reason}");
                return Broken;
            }
            console.MarkupLineInterpolated($"[green]ok[/]: {result.Records} records in {result.Chains} chains verified");
            return 0;
        }
    }

    private async Task<AuditDigest?> LatestDigestAsync(SqliteStore store, CancellationToken cancellationToken)
    {
        var digest = await store.ReadLatestDigestAsync(cancellationToken).ConfigureAwait(false);
        if (digest is null)
            console.MarkupLine("[yellow]no digest in the database[/]: a chain cut at its end cannot be seen; pass one with --digest");
        else
            console.MarkupLineInterpolated($"using the latest digest in the database: #{digest.Id}, {digest.Records} records of {Time(digest)}");
        return digest;
    }

    private int Fail(string message)
    {
        console.MarkupLineInterpolated($"[red]error[/]: {message}");
        return Error;
    }

    private static string Time(AuditDigest digest) => digest.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
