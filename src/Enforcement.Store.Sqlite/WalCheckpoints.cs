using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, at an interval. Left to the
/// writer, SQLite checkpoints inside the commit that crosses the log's size limit: the writer stops for the copy, and
/// every later transaction finds the log restarted and drops its page cache. A passive checkpoint here runs beside
/// the writer instead, and the writer's own limit (<see cref="Writing.StoreWriter"/>) is only a backstop.
/// </summary>
internal sealed partial class WalCheckpoints : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly TimeSpan interval;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long completed;

    private WalCheckpoints(SqliteConnection connection, TimeSpan interval)
    {
        this.connection = connection;
        this.interval = interval;
        loop = Task.Run(RunAsync);
    }

    /// <summary>How many checkpoints have run: tests read it.</summary>
    internal long Completed => Interlocked.Read(ref completed);

    public static async Task<WalCheckpoints> StartAsync(string connectionString, TimeSpan interval, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new WalCheckpoints(connection, interval);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync(stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref completed);
            }
            catch (SqliteException)
            {
                // Busy or locked for a moment: the next tick tries again, and the writer's own limit stays the backstop.
            }
        }
    }
}
