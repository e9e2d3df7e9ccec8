namespace Enforcement.Policy.Windows;

/// <summary>
/// One aggregate a compiled condition reads, such as <c>share(capability, "coding", 1d)</c>.
/// </summary>
/// <param name="Signal">Index of the signal in the catalog; -1 for <c>distinct</c>, <c>members</c> and <c>new_members</c>.</param>
/// <param name="Category">For <c>share</c>, the index of the category value in the signal's declared values; otherwise -1.</param>
/// <param name="Attribute">For <c>distinct</c>, the index of the attribute in the catalog's attributes; otherwise -1.</param>
/// <param name="Age">For <c>new_members</c>, the age under which a joining account counts as new.</param>
public sealed record WindowRequest(
    AggregateKind Kind,
    TimeSpan Window,
    int Signal = -1,
    int Category = -1,
    int Attribute = -1,
    TimeSpan Age = default);
