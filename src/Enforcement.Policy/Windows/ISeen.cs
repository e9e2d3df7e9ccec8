namespace Enforcement.Policy.Windows;

/// <summary>What a tracker remembers of one value; eviction and pruning need only when it was last seen.</summary>
internal interface ISeen
{
    long LastSeen { get; }
}
