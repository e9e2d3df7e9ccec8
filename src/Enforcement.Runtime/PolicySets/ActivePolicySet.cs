namespace Enforcement.Runtime.PolicySets;

/// <summary>
/// The policy set this silo evaluates with, shared by every grain on it. Replaced as a whole; a grain that finds a newer
/// version than the one its subject was built for moves its subject onto it at its next command.
/// </summary>
public sealed class ActivePolicySet
{
    private PolicySetVersion? current;

    /// <summary>The active set; throws until the host has loaded one, which it does before the silo takes calls.</summary>
    public PolicySetVersion Current => Volatile.Read(ref current) ?? throw new InvalidOperationException("No policy set is active yet.");

    public bool IsLoaded => Volatile.Read(ref current) is not null;

    /// <summary>Makes <paramref name="next"/> active unless a set of the same or a higher version already is.</summary>
    public bool Activate(PolicySetVersion next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var known = Volatile.Read(ref current);
            if (known is not null && known.Version >= next.Version)
                return false;
            if (Interlocked.CompareExchange(ref current, next, known) == known)
                return true;
        }
    }
}
