using Enforcement.Policy.Catalog;

namespace Enforcement.Host.Signals;

/// <summary>
/// One item of a batch as read from its JSON, before it is checked: leniently typed so that each problem becomes that
/// item's own rejection instead of failing the batch.
/// </summary>
/// <param name="Index">Its position in the batch.</param>
/// <param name="Number">The value when it was a number (or a boolean); null when absent or a string.</param>
/// <param name="Category">The value when it was a string.</param>
/// <param name="At">Event time; the server's time when the item had none.</param>
/// <param name="Definition">The catalog's definition of <paramref name="Type"/>, or null when the active catalog has no such type.</param>
/// <param name="ReceivedAt">The server's time when the batch arrived: what <paramref name="At"/> is checked against.</param>
/// <param name="Malformed">What made the item unreadable (a field of the wrong JSON type), or null.</param>
public sealed record SignalItem(
    int Index,
    string? Id,
    string? Account,
    string? Type,
    double? Number,
    string? Category,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string>? Attrs,
    SignalDefinition? Definition,
    DateTimeOffset ReceivedAt,
    string? Malformed);
