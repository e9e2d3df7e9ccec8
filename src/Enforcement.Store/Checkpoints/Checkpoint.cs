namespace Enforcement.Store.Checkpoints;

/// <summary>A grain's state as last checkpointed, in the runtime's own encoding.</summary>
/// <param name="Key">The grain's type and id, such as <c>account/a-42</c>.</param>
public sealed record Checkpoint(string Key, byte[] Data, string ETag);
