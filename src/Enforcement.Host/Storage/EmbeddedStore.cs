using System.Diagnostics.Metrics;
using Enforcement.Store;
using Enforcement.Store.Sqlite;

namespace Enforcement.Host.Storage;

/// <summary>Opens the SQLite store of the embedded run.</summary>
internal static class EmbeddedStore
{
    public static async ValueTask<IEnforcementStore> OpenAsync(string databasePath, SqliteSynchronous synchronous, IMeterFactory? meters) =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = databasePath, Synchronous = synchronous, Meters = meters }).ConfigureAwait(false);
}
