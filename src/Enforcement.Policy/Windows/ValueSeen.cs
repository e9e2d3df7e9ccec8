namespace Enforcement.Policy.Windows;

/// <summary>An attribute value: when it was last seen, in ticks. Mutable so that it is updated in place in its map.</summary>
internal struct ValueSeen : ISeen
{
    public long Last;

    public readonly long LastSeen => Last;
}
