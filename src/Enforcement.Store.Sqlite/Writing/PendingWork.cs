namespace Enforcement.Store.Sqlite.Writing;

/// <summary>
/// One caller's write, waiting in the writer's queue. The writer applies it inside a flush under its own savepoint and
/// answers the caller only once the flush is committed (or has failed), never before.
/// </summary>
internal abstract class PendingWork
{
    /// <summary>False when the caller gave up before the writer reached it: it is skipped and writes nothing.</summary>
    public abstract bool TryStart();

    /// <summary>Writes inside the flush's transaction; false when refused, so that its savepoint is rolled back.</summary>
    public abstract bool Apply(WriterCommands commands);

    /// <summary>The flush is on disk: tell the caller what became of its write.</summary>
    public abstract void Acknowledge();

    /// <summary>The flush failed as a whole: nothing of it is on disk.</summary>
    public abstract void Fail(Exception error);
}
