using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>
/// The one writer of the file. Callers queue their writes; a loop takes everything queued (up to the batch size),
/// applies each under its own savepoint in one transaction and commits once: one sync to disk for many grains'
/// commits (group commit). Only then are the callers answered.
/// </summary>
internal sealed class StoreWriter : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly WriterCommands commands;
    private readonly int maxBatch;
    private readonly WriterInstruments instruments;
    private readonly Channel<PendingWork> queue = Channel.CreateUnbounded<PendingWork>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly Task loop;
    private long flushes;

    private StoreWriter(SqliteConnection connection, int maxBatch, WriterInstruments instruments)
    {
        this.connection = connection;
        this.maxBatch = maxBatch;
        this.instruments = instruments;
        commands = new WriterCommands(connection);
        loop = Task.Run(RunAsync);
    }

    /// <summary>How many flushes have committed: tests read it to see commits share flushes.</summary>
    internal long Flushes => Interlocked.Read(ref flushes);

    public static async Task<StoreWriter> OpenAsync(string connectionString, SqliteStoreOptions options, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Configure(connection, options);
            return new StoreWriter(connection, options.MaxBatch, new WriterInstruments(options.Meters));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Queues <paramref name="work"/> for the next flush and returns what its caller waits on.</summary>
    public Task<T> Enqueue<T>(PendingWork<T> work)
    {
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(work), typeof(SqliteStore));
        return work.Completion;
    }

    /// <summary>Takes no more work, flushes what is queued and stops the loop.</summary>
    public Task DrainAsync()
    {
        queue.Writer.TryComplete();
        return loop;
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync().ConfigureAwait(false);
        commands.Dispose();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private static void Configure(SqliteConnection connection, SqliteStoreOptions options)
    {
        var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite would not put '{connection.DataSource}' in WAL mode (it answered '{mode}').");
        }

        var synchronous = options.Synchronous.ToString().ToUpperInvariant();
        var busyTimeout = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        Execute(connection, $"PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {busyTimeout}");

        // Each commit's savepoint keeps the original of every page it touches until released; in memory that costs a
        // copy, in a temporary file a write per page (random receipt ids touch a new page with almost every row).
        // The log is copied back by WalCheckpoints beside the writer; the writer checkpoints itself only if the log
        // outgrows 256 MiB. Each restart of the log empties the writer's page cache, whose emptying costs in
        // proportion to its size: 8 MiB kept the simulator fastest (64 MiB: a third slower, 2 MiB: a tenth).
        Execute(connection, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 65536");
        if (options.MaxPageCount is { } pages)
        {
            Execute(connection, $"PRAGMA max_page_count = {pages.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWork>(Math.Min(maxBatch, 4096));
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var work))
            {
                if (work.TryStart())
                {
                    batch.Add(work);
                }
            }

            if (batch.Count > 0)
            {
                Flush(batch);
                batch.Clear();
            }
        }
    }

    private void Flush(List<PendingWork> batch)
    {
        try
        {
            commands.Begin();
            foreach (var work in batch)
            {
                commands.Savepoint();
                if (work.Apply(commands))
                {
                    commands.ReleaseSavepoint();
                }
                else
                {
                    commands.RollbackToSavepoint();
                }
            }

            commands.Commit();
        }
        catch (Exception e)
        {
            // Whatever failed the flush (a full disk, an I/O error, a lock held too long) is every caller's answer:
            // none of them may be told their write is durable.
            RollBack();
            foreach (var work in batch)
            {
                work.Fail(e);
            }

            return;
        }

        Interlocked.Increment(ref flushes);
        instruments.Flushed(batch.Count);
        foreach (var work in batch)
        {
            work.Acknowledge();
        }
    }

    private void RollBack()
    {
        try
        {
            commands.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back itself (it does on I/O errors and a full disk).
        }
    }
}
