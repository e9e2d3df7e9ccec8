using Enforcement.Store.Checkpoints;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>
/// A write other than a commit (schema, checkpoint, policy set, digest): it goes through the same queue so that the
/// one writer connection is never used by two threads and the write shares a flush with the commits around it.
/// </summary>
internal sealed class PendingWrite<T>(Func<WriterCommands, T> write, CancellationToken cancellationToken)
    : PendingWork<T>(cancellationToken)
{
    protected override bool Write(WriterCommands commands)
    {
        try
        {
            return Keep(write(commands));
        }
        catch (CheckpointConflictException e)
        {
            return Refuse(e);
        }
    }
}
