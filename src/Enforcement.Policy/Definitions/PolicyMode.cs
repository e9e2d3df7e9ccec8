namespace Enforcement.Policy.Definitions;

/// <summary>Shadow policies decide and are audited, but their actions never reach an account's enforcement state.</summary>
public enum PolicyMode
{
    Enforce,
    Shadow,
}
