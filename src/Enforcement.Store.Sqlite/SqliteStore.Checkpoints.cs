using Enforcement.Store.Checkpoints;
using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    public Task<Checkpoint?> ReadCheckpointAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return readers.FirstOrDefaultAsync(
            "SELECT data, etag FROM checkpoints WHERE key = $key",
            p => p.Add("$key", SqliteType.Text).Value = key,
            row => new Checkpoint(key, row.GetFieldValue<byte[]>(0), row.GetString(1)),
            cancellationToken);
    }

    /// <summary>The check and the write run on the writer in one statement, so no other write can fall between them.</summary>
    public Task<string> WriteCheckpointAsync(string key, byte[] data, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        return writer.Enqueue(new PendingWrite<string>(
            commands =>
            {
                var etag = Guid.NewGuid().ToString("N");
                var written = expectedETag is null
                    ? commands.InsertCheckpoint(key, data, etag)
                    : commands.ReplaceCheckpoint(key, data, expectedETag, etag);
                return written ? etag : throw Conflict(key, expectedETag);
            },
            cancellationToken));
    }

    public Task ClearCheckpointAsync(string key, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return writer.Enqueue(new PendingWrite<bool>(
            commands =>
            {
                var cleared = expectedETag is null
                    ? !commands.CheckpointExists(key)
                    : commands.DeleteCheckpoint(key, expectedETag);
                return cleared ? true : throw Conflict(key, expectedETag);
            },
            cancellationToken));
    }

    private static CheckpointConflictException Conflict(string key, string? expectedETag) =>
        new(expectedETag is null
            ? $"A checkpoint of '{key}' is already stored."
            : $"The checkpoint of '{key}' is no longer the one with ETag '{expectedETag}'.");
}
