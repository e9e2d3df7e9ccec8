using Enforcement.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Enforcement.Runtime.Tests.Store;

/// <summary>A <see cref="SqliteStore"/> on a real file in a temp folder, which a test can close and reopen.</summary>
internal sealed class StoreFile : IAsyncDisposable
{
    private readonly TempDirectory folder = new();

    private StoreFile(long? maxPageCount, int maxBatch)
    {
        Options = new SqliteStoreOptions
        {
            // A folder that does not exist yet: opening creates it.
            Path = folder.File(System.IO.Path.Combine("data", "enforcement.db")),
            BusyTimeout = TimeSpan.FromSeconds(30),
            MaxPageCount = maxPageCount,
            MaxBatch = maxBatch,
        };
    }

    public SqliteStoreOptions Options { get; }

    public SqliteStore Store { get; private set; } = null!;

    public string Path => Options.Path;

    /// <param name="maxPageCount">Caps the file's size, to make the "disk" full.</param>
    public static async Task<StoreFile> OpenAsync(long? maxPageCount = null, int maxBatch = 4096)
    {
        var file = new StoreFile(maxPageCount, maxBatch);
        file.Store = await SqliteStore.OpenAsync(file.Options);
        return file;
    }

    /// <summary>Closes the store and opens the file again: what survives is what was on disk.</summary>
    public async Task<SqliteStore> ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await SqliteStore.OpenAsync(Options with { MaxPageCount = null });
        return Store;
    }

    /// <summary>A connection of the test's own, to look at and edit rows as they are stored.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public long Count(string sql) => (long)Scalar(sql)!;

    public object? Scalar(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Takes the file's write lock from another connection: the store's writer waits at its next flush, and every
    /// commit queued meanwhile goes into a flush after it.
    /// </summary>
    public WriteLock HoldWriteLock() => new(OpenConnection());

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        folder.Dispose();
    }
}
