using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one writer that flushes many callers' writes in
/// one transaction (group commit); reads use pooled connections of their own.
/// </summary>
public sealed partial class SqliteStore : IEnforcementStore
{
    private readonly StoreWriter writer;
    private readonly StoreReaders readers;
    private readonly WalCheckpoints checkpoints;
    private int disposed;

    private SqliteStore(string path, StoreWriter writer, StoreReaders readers, WalCheckpoints checkpoints)
    {
        Path = path;
        this.writer = writer;
        this.readers = readers;
        this.checkpoints = checkpoints;
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>How many flushes have committed since the store opened.</summary>
    internal long Flushes => writer.Flushes;

    /// <summary>How many checkpoints of the write-ahead log have run beside the writer.</summary>
    internal long WalCheckpointsDone => checkpoints.Completed;

    /// <summary>Opens the file (creating it and its folder if missing), starts the writer and creates the schema.</summary>
    public static async Task<SqliteStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);

        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        };
        var writer = await StoreWriter.OpenAsync(connection.ToString(), options, cancellationToken).ConfigureAwait(false);

        connection.Mode = SqliteOpenMode.ReadWrite;
        var checkpoints = await WalCheckpoints.StartAsync(connection.ToString(), options.CheckpointInterval, cancellationToken).ConfigureAwait(false);
        connection.Pooling = true;
        var store = new SqliteStore(path, writer, new StoreReaders(connection.ToString(), options.BusyTimeout), checkpoints);
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        writer.Enqueue(new PendingWrite<bool>(
            commands =>
            {
                using var command = commands.CreateCommand(Schema.Create);
                command.ExecuteNonQuery();
                return true;
            },
            cancellationToken));

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref disposed) == 1)
        {
            return false;
        }

        try
        {
            using var connection = await readers.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is 1L;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Flushes every queued write, stops the writer and closes every connection, so that the file can be reopened or deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await writer.DrainAsync().ConfigureAwait(false);
        await checkpoints.DisposeAsync().ConfigureAwait(false);
        readers.ClearPool();

        // The writer's connection closes last: the last connection to close checkpoints the WAL into the file and removes it.
        await writer.DisposeAsync().ConfigureAwait(false);
    }
}
