namespace Enforcement.Store.Sqlite;

/// <summary>How hard the writer makes SQLite wait for the disk before a flush counts as durable (<c>PRAGMA synchronous</c>).</summary>
public enum SqliteSynchronous
{
    /// <summary>Survives a crash of the process, not a power loss: the last flushes may be lost, the file is never corrupt.</summary>
    Normal = 1,

    /// <summary>Survives a crash of the process and a power loss: every acknowledged commit was synced to disk.</summary>
    Full = 2,

    /// <summary>As <see cref="Full"/>, and also syncs the folder when the WAL file is created or removed.</summary>
    Extra = 3,
}
