using Enforcement.Store.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite;

public sealed partial class SqliteStore
{
    public async Task<long> ReadPositionAsync(string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var positions = await readers.ListAsync(
            "SELECT cursor FROM outbox WHERE destination = $destination",
            p => p.Add("$destination", SqliteType.Text).Value = destination,
            row => row.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return positions.IsEmpty ? 0 : positions[0];
    }

    public Task<long> AdvancePositionAsync(string destination, long cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        return writer.Enqueue(new PendingWrite<long>(
            commands =>
            {
                // max() keeps a position from moving back; RETURNING answers whichever is stored.
                using var command = commands.CreateCommand(
                    "INSERT INTO outbox(destination, cursor) VALUES ($destination, $cursor) "
                    + "ON CONFLICT(destination) DO UPDATE SET cursor = max(outbox.cursor, excluded.cursor) RETURNING cursor");
                command.Parameters.Add("$destination", SqliteType.Text).Value = destination;
                command.Parameters.Add("$cursor", SqliteType.Integer).Value = cursor;
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken));
    }
}
