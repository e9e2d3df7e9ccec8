using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>A write whose caller waits for a <typeparamref name="T"/>, or for the reason it was refused.</summary>
internal abstract class PendingWork<T>(CancellationToken cancellationToken) : PendingWork
{
    // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH: this write's own fault, which aborts its statement and
    // leaves the flush's transaction intact. So does a value the driver cannot bind (a null where the contract
    // says there is none): the statement never ran.
    private const int TooBig = 18;
    private const int Constraint = 19;
    private const int Mismatch = 20;

    // Continuations run on the thread pool, not on the writer: the writer must get back to the queue.
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private Exception? refusal;

    public Task<T> Completion => completion.Task;

    public sealed override bool TryStart()
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        completion.TrySetCanceled(cancellationToken);
        return false;
    }

    public sealed override bool Apply(WriterCommands commands)
    {
        try
        {
            return Write(commands);
        }
        catch (Exception e) when (e is SqliteException { SqliteErrorCode: TooBig or Constraint or Mismatch } or InvalidOperationException or ArgumentException)
        {
            return Refuse(e);
        }
    }

    public sealed override void Acknowledge()
    {
        if (refusal is null)
        {
            completion.TrySetResult(result!);
        }
        else
        {
            completion.TrySetException(refusal);
        }
    }

    public sealed override void Fail(Exception error) => completion.TrySetException(error);

    /// <summary>Writes; returns <see cref="Keep"/> or one of the <c>Refuse</c> overloads.</summary>
    protected abstract bool Write(WriterCommands commands);

    protected bool Keep(T value)
    {
        result = value;
        return true;
    }

    /// <summary>Rolls this write back and answers <paramref name="value"/> (a commit's conflict is an answer, not an error).</summary>
    protected bool Refuse(T value)
    {
        result = value;
        return false;
    }

    /// <summary>Rolls this write back and throws <paramref name="reason"/> to the caller once the flush is on disk.</summary>
    protected bool Refuse(Exception reason)
    {
        refusal = reason;
        return false;
    }
}
