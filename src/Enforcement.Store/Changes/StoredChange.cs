namespace Enforcement.Store.Changes;

/// <summary>A change with the cursor the store gave it: increasing in the order changes became durable.</summary>
public sealed record StoredChange(long Cursor, EnforcementChange Change);
