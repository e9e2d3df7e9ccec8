using Enforcement.Store.Cases;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>A case's rows: the case and the policies it concerns. Cases are few next to signals: no prepared statements.</summary>
internal static class CaseRows
{
    public const string Columns = "id, kind, queue, status, urgency, deadline, due, subject, account, version, body";

    /// <summary>False when a case with the id is stored already.</summary>
    public static bool Insert(WriterCommands commands, StoredCase opened)
    {
        using var insert = commands.CreateCommand(
            $"INSERT INTO cases({Columns}) VALUES ($id, $kind, $queue, $status, $urgency, $deadline, $due, $subject, $account, $version, $body) ON CONFLICT(id) DO NOTHING");
        Bind(insert, opened);
        if (insert.ExecuteNonQuery() != 1)
        {
            return false;
        }

        foreach (var policy in opened.Policies.IsDefault ? [] : opened.Policies)
        {
            using var link = commands.CreateCommand("INSERT INTO case_policies(case_id, policy) VALUES ($id, $policy) ON CONFLICT DO NOTHING");
            link.Parameters.Add("$id", SqliteType.Text).Value = opened.Id;
            link.Parameters.Add("$policy", SqliteType.Text).Value = policy;
            link.ExecuteNonQuery();
        }

        return true;
    }

    /// <summary>False when the stored case is no longer at <paramref name="expectedVersion"/>.</summary>
    public static bool Replace(WriterCommands commands, StoredCase next, long expectedVersion)
    {
        using var update = commands.CreateCommand(
            "UPDATE cases SET kind = $kind, queue = $queue, status = $status, urgency = $urgency, deadline = $deadline, due = $due, "
            + "subject = $subject, account = $account, version = $version, body = $body WHERE id = $id AND version = $expected");
        Bind(update, next);
        update.Parameters.Add("$expected", SqliteType.Integer).Value = expectedVersion;
        return update.ExecuteNonQuery() == 1;
    }

    public static StoredCase Read(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        row.GetString(3),
        row.GetInt32(4),
        StoredTime.FromTicks(row.GetInt64(5)),
        row.IsDBNull(6) ? null : StoredTime.FromTicks(row.GetInt64(6)),
        row.GetString(7),
        row.IsDBNull(8) ? null : row.GetString(8),
        [],
        row.GetInt64(9),
        row.GetString(10));

    private static void Bind(SqliteCommand command, StoredCase stored)
    {
        command.Parameters.Add("$id", SqliteType.Text).Value = stored.Id;
        command.Parameters.Add("$kind", SqliteType.Text).Value = stored.Kind;
        command.Parameters.Add("$queue", SqliteType.Text).Value = stored.Queue;
        command.Parameters.Add("$status", SqliteType.Text).Value = stored.Status;
        command.Parameters.Add("$urgency", SqliteType.Integer).Value = stored.Urgency;
        command.Parameters.Add("$deadline", SqliteType.Integer).Value = StoredTime.ToTicks(stored.Deadline);
        command.Parameters.Add("$due", SqliteType.Integer).Value = stored.Due is { } due ? StoredTime.ToTicks(due) : DBNull.Value;
        command.Parameters.Add("$subject", SqliteType.Text).Value = stored.Subject;
        command.Parameters.Add("$account", SqliteType.Text).Value = (object?)stored.Account ?? DBNull.Value;
        command.Parameters.Add("$version", SqliteType.Integer).Value = stored.Version;
        command.Parameters.Add("$body", SqliteType.Text).Value = stored.Body;
    }
}
