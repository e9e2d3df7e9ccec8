using Enforcement.Store.Sqlite;
using Enforcement.Tests;

namespace Enforcement.LoadDriver;

/// <summary>The store alone, in a fresh temp folder that goes with it: what the store-only measures write to.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly string folder;

    private TempStore(string folder, SqliteStore store)
    {
        this.folder = folder;
        Store = store;
    }

    public SqliteStore Store { get; }

    public static async Task<TempStore> OpenAsync(string name, SqliteSynchronous synchronous)
    {
        var folder = Directory.CreateTempSubdirectory($"enforcement-{name}-").FullName;
        var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(folder, "enforcement.db"), Synchronous = synchronous });
        return new TempStore(folder, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        TestMachine.DeleteFolder(folder);
    }
}
