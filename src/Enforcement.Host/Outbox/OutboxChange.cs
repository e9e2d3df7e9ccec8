using System.Text.Json;
using Enforcement.Host.Enforcement;

namespace Enforcement.Host.Outbox;

/// <summary>
/// One change as the outbox pushes it: the pull feed's fields, and a key the receiver can drop repeats by, since the
/// same change may arrive more than once.
/// </summary>
/// <param name="IdempotencyKey"><c>account:version</c>: an account's enforcement version is its own count of changes.</param>
/// <param name="Enforcement">The account's whole enforcement answer after the change, as <c>GET /v1/accounts/{id}/enforcement</c> gives it.</param>
public sealed record OutboxChange(
    string Cursor,
    string Account,
    string State,
    DateTimeOffset At,
    long Version,
    string IdempotencyKey,
    JsonElement? Enforcement)
{
    public static OutboxChange From(ChangeView change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Cursor, change.Account, change.State, change.At, change.Version, KeyOf(change.Account, change.Version), change.Enforcement);
    }

    public static string KeyOf(string account, long version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{account}:{version}");
}
