namespace Enforcement.Store.Checkpoints;

/// <summary>The stored checkpoint is not the one the writer read: another activation wrote since.</summary>
public sealed class CheckpointConflictException : Exception
{
    public CheckpointConflictException()
    {
    }

    public CheckpointConflictException(string message) : base(message)
    {
    }

    public CheckpointConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
