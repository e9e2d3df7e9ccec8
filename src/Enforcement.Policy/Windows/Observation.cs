namespace Enforcement.Policy.Windows;

/// <summary>
/// One signal as the windows of one subject see it, with names already resolved to catalog indices.
/// </summary>
/// <param name="Signal">Index of the signal in the catalog.</param>
/// <param name="At">Event time, UTC ticks.</param>
/// <param name="Value">The value of a count, score, number or flag signal.</param>
/// <param name="Category">The index of a category signal's value among its declared values; -1 for other kinds.</param>
/// <param name="Account">The account that sent it; entities and clusters count their members by it.</param>
/// <param name="AccountCreated">When that account was created, UTC ticks; 0 if unknown.</param>
/// <param name="Attributes">Attribute values indexed like <c>SignalCatalog.Attributes</c>; null entries are absent.</param>
public readonly record struct Observation(
    int Signal,
    long At,
    double Value,
    int Category,
    string Account,
    long AccountCreated,
    string?[]? Attributes);
