using System.Diagnostics.Metrics;

namespace Enforcement.Store.Sqlite;

/// <summary>Where the embedded store keeps its file and how its writer flushes.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The meter the writer counts its writes and flushes on.</summary>
    public const string MeterName = "Enforcement.Store";

    /// <summary>The database file; its folder is created if missing.</summary>
    public required string Path { get; init; }

    /// <summary>Full by default: an acknowledged commit survives a process kill and a power loss.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>
    /// The most commits (and other writes) one flush takes: one transaction, one sync. A flush writes every page it
    /// touched once, however many rows landed on it, so when the writer falls behind, bigger flushes catch up faster
    /// (with random signal ids, 4096 took about twice the receipts per second that 512 did).
    /// </summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>How long a connection waits for a lock another process holds before it gives up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the write-ahead log is copied back into the database file, beside the writer (<see cref="WalCheckpoints"/>).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where the writer's counters go (<see cref="MeterName"/>); none are kept when null.</summary>
    public IMeterFactory? Meters { get; init; }

    /// <summary>Caps the file's size in pages (<c>PRAGMA max_page_count</c>): lets tests fill the "disk" on purpose.</summary>
    internal long? MaxPageCount { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.FromMilliseconds(10));
        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "Normal, Full or Extra.");
        }
    }
}
