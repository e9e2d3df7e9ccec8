namespace Enforcement.Policy.Catalog;

/// <summary>What a signal's value means, and so which aggregates make sense over it.</summary>
public enum SignalKind
{
    /// <summary>One event; its value is how many (defaults to 1).</summary>
    Count,

    /// <summary>A detector's confidence in 0..1.</summary>
    Score,

    /// <summary>Any measured quantity, such as output tokens.</summary>
    Number,

    /// <summary>Something was seen; its value is 1.</summary>
    Flag,

    /// <summary>One of a declared set of values, such as a capability.</summary>
    Category,
}
