using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Entities;
using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Inheritance;

/// <summary>
/// Tells an entity's or cluster's members of its actions, off the grain's own turn: a member may at that moment be
/// waiting for the entity to take its signals, and the entity must not wait for it in return. When every member has
/// been told, the entity hears so and clears the timer that would otherwise bring it back to try again.
/// </summary>
public sealed partial class Spreading(IGrainFactory grains, ILogger<Spreading> logger)
{
    private const int Parallelism = 64;

    private int running;
    private TaskCompletionSource idle = NewIdle();

    /// <summary>Completes when no spreading is under way (the simulator waits for it at the end of each tick).</summary>
    public Task Idle => Volatile.Read(ref running) == 0 ? Task.CompletedTask : idle.Task;

    public void Start(InheritedActions actions, IReadOnlyList<string> members)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (Interlocked.Increment(ref running) == 1)
            Volatile.Write(ref idle, NewIdle());
        _ = Task.Run(() => RunAsync(actions, members));
    }

    private async Task RunAsync(InheritedActions actions, IReadOnlyList<string> members)
    {
        try
        {
            await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                async (account, _) => await grains.GetGrain<IAccountGrain>(account).Inherit(actions));
            await grains.GetGrain<IEntityGrain>(actions.Subject).Spread(actions.Version);
        }
        catch (Exception e)
        {
            // The entity's timer stays due: its next advance spreads again, and members ignore what they already hold.
            LogSpreadFailed(logger, e, actions.Subject, actions.Version);
        }
        finally
        {
            if (Interlocked.Decrement(ref running) == 0)
                Volatile.Read(ref idle).TrySetResult();
        }
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spreading the actions of {Subject} (version {Version}) to its members failed; its timer brings it back")]
    private static partial void LogSpreadFailed(ILogger logger, Exception exception, string subject, long version);
}
