using Enforcement.Store;

namespace Enforcement.Host.Storage;

/// <summary>Opens the SQLite store of the embedded run.</summary>
internal static class EmbeddedStore
{
    public static ValueTask<IEnforcementStore> OpenAsync(string databasePath) =>
        throw new NotSupportedException($"The SQLite store has not landed yet ({databasePath}).");
}
