namespace Enforcement.Runtime.Signals;

/// <summary>
/// A signal as a detector sent it, already checked at the edge for shape and limits; the account grain checks it
/// against the active catalog.
/// </summary>
/// <param name="Index">Its position in the batch it came in, so that a rejection names it.</param>
/// <param name="Value">The value of a count, score, number or flag signal (1 when the sender gave none).</param>
/// <param name="Category">The value of a category signal; null for the other kinds.</param>
/// <param name="At">Event time.</param>
[GenerateSerializer, Immutable, Alias("enforcement.signal-input")]
public sealed record SignalInput(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] string Account,
    [property: Id(3)] string Type,
    [property: Id(4)] double Value,
    [property: Id(5)] string? Category,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] IReadOnlyDictionary<string, string>? Attrs);
