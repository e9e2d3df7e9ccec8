namespace Enforcement.Store.Checkpoints;

/// <summary>Grain state checkpoints, written with optimistic concurrency on an ETag.</summary>
public interface ICheckpoints
{
    Task<Checkpoint?> ReadCheckpointAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a checkpoint if the stored one still has <paramref name="expectedETag"/> (null: none is stored), and
    /// returns the new ETag; otherwise throws <see cref="CheckpointConflictException"/> and changes nothing.
    /// </summary>
    Task<string> WriteCheckpointAsync(string key, byte[] data, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Removes a checkpoint under the same rule as <see cref="WriteCheckpointAsync"/>.</summary>
    Task ClearCheckpointAsync(string key, string? expectedETag, CancellationToken cancellationToken = default);
}
