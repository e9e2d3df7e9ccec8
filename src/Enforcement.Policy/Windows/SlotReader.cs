namespace Enforcement.Policy.Windows;

/// <summary>How a slot turns the rows of its window into a number.</summary>
internal enum SlotReader : byte
{
    /// <summary>The number of observations (<c>count</c> of any signal but a count signal).</summary>
    Observations,

    /// <summary>The sum of values (<c>sum</c>, and <c>count</c> of a count signal, whose value says how many).</summary>
    Sum,

    Avg,
    Min,
    Max,
    Share,

    /// <summary>A count ring of an attribute's tracker (<c>distinct</c>).</summary>
    Distinct,

    /// <summary>A count ring of the accounts' tracker (<c>members</c>, <c>new_members</c>).</summary>
    Members,
}
