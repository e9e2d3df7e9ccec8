using Microsoft.Data.Sqlite;

namespace Enforcement.Runtime.Tests.Store;

/// <summary>An open write transaction on a connection of the test's own; disposing it lets the store's writer go on.</summary>
internal sealed class WriteLock : IDisposable
{
    private readonly SqliteConnection connection;

    public WriteLock(SqliteConnection connection)
    {
        this.connection = connection;
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
    }

    /// <summary>Time for the writer to take what is queued and start waiting for the lock.</summary>
    public static Task WriterReachesLock() => Task.Delay(TimeSpan.FromMilliseconds(300));

    public void Dispose()
    {
        using (var rollback = connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        connection.Dispose();
    }
}
