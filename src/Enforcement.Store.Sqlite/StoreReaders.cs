using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

/// <summary>
/// Reads on connections of their own, taken from a pool: in WAL mode they see the last committed flush and never wait
/// for the writer, nor make it wait.
/// </summary>
internal sealed class StoreReaders(string connectionString, TimeSpan busyTimeout)
{
    private readonly string busyTimeoutPragma =
        $"PRAGMA busy_timeout = {((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}";

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // A pooled connection may be new: give it SQLite's own busy wait, finer than the driver's 150 ms retries.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = busyTimeoutPragma;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<T?> FirstOrDefaultAsync<T>(
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken)
        where T : class
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, sql, bind);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
    }

    public async Task<ImmutableArray<T>> ListAsync<T>(
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken)
    {
        var rows = ImmutableArray.CreateBuilder<T>();
        await foreach (var row in StreamAsync(sql, bind, map, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows.DrainToImmutable();
    }

    /// <summary>Yields rows as SQLite steps to them, so that a long chain is never held in memory at once.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<SqliteDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, sql, bind);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return map(reader);
        }
    }

    /// <summary>Closes the idle pooled connections, and those in use once returned, so that the file can be deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, Action<SqliteParameterCollection> bind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        return command;
    }
}
