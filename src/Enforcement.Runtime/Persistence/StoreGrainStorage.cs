using Enforcement.Store;
using Enforcement.Store.Checkpoints;
using Orleans.Storage;

namespace Enforcement.Runtime.Persistence;

/// <summary>
/// Orleans grain storage on the project's own store: grain state is serialised with Orleans' serializer and kept as a
/// checkpoint under the grain's id, with the store's ETag standing for Orleans' optimistic concurrency.
/// </summary>
public sealed class StoreGrainStorage(IEnforcementStore store, Orleans.Serialization.Serializer serializer) : IGrainStorage
{
    /// <summary>The provider name grains give in <c>[PersistentState(..., StoreGrainStorage.Name)]</c>.</summary>
    public const string Name = "enforcement";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var checkpoint = await store.ReadCheckpointAsync(KeyOf(stateName, grainId)).ConfigureAwait(false);
        if (checkpoint is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = serializer.Deserialize<T>(checkpoint.Data);
        grainState.ETag = checkpoint.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.SerializeToArray(grainState.State);
        try
        {
            grainState.ETag = await store.WriteCheckpointAsync(KeyOf(stateName, grainId), data, grainState.ETag).ConfigureAwait(false);
            grainState.RecordExists = true;
        }
        catch (CheckpointConflictException conflict)
        {
            throw new InconsistentStateException(conflict.Message, grainState.ETag, null, conflict);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            await store.ClearCheckpointAsync(KeyOf(stateName, grainId), grainState.ETag).ConfigureAwait(false);
        }
        catch (CheckpointConflictException conflict)
        {
            throw new InconsistentStateException(conflict.Message, grainState.ETag, null, conflict);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static string KeyOf(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
