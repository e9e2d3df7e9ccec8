using Enforcement.Store.Audit;
using Enforcement.Store.Changes;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;
using Microsoft.Data.Sqlite;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>
/// The writer connection's statements, prepared once and reused with new parameter values: a flush runs thousands of
/// them, and parsing SQL each time would cost more than writing the rows.
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly List<SqliteCommand> all = [];

    private readonly SqliteCommand begin;
    private readonly SqliteCommand commit;
    private readonly SqliteCommand rollback;
    private readonly SqliteCommand savepoint;
    private readonly SqliteCommand rollbackToSavepoint;
    private readonly SqliteCommand releaseSavepoint;

    private readonly SqliteCommand insertReceipt;
    private readonly SqliteParameter receiptId;
    private readonly SqliteParameter receiptAccount;
    private readonly SqliteParameter receiptHash;
    private readonly SqliteParameter receiptAt;

    private readonly SqliteCommand insertJournal;
    private readonly SqliteParameter journalSubject;
    private readonly SqliteParameter journalSeq;
    private readonly SqliteParameter journalKind;
    private readonly SqliteParameter journalPayload;

    private readonly SqliteCommand insertAudit;
    private readonly SqliteParameter auditSubject;
    private readonly SqliteParameter auditSeq;
    private readonly SqliteParameter auditBody;
    private readonly SqliteParameter auditPrev;
    private readonly SqliteParameter auditHash;

    private readonly SqliteCommand insertChange;
    private readonly SqliteParameter changeAccount;
    private readonly SqliteParameter changeVersion;
    private readonly SqliteParameter changeState;
    private readonly SqliteParameter changeAt;
    private readonly SqliteParameter changeBody;

    private readonly SqliteCommand setTimer;
    private readonly SqliteParameter setTimerSubject;
    private readonly SqliteParameter setTimerDue;

    private readonly SqliteCommand clearTimer;
    private readonly SqliteParameter clearTimerSubject;

    private readonly SqliteCommand insertCheckpoint;
    private readonly SqliteParameter insertCheckpointKey;
    private readonly SqliteParameter insertCheckpointETag;
    private readonly SqliteParameter insertCheckpointData;

    private readonly SqliteCommand replaceCheckpoint;
    private readonly SqliteParameter replaceCheckpointKey;
    private readonly SqliteParameter replaceCheckpointExpected;
    private readonly SqliteParameter replaceCheckpointETag;
    private readonly SqliteParameter replaceCheckpointData;

    private readonly SqliteCommand deleteCheckpoint;
    private readonly SqliteParameter deleteCheckpointKey;
    private readonly SqliteParameter deleteCheckpointExpected;

    private readonly SqliteCommand checkpointExists;
    private readonly SqliteParameter checkpointExistsKey;

    public WriterCommands(SqliteConnection connection)
    {
        this.connection = connection;

        begin = Command("BEGIN IMMEDIATE");
        commit = Command("COMMIT");
        rollback = Command("ROLLBACK");
        savepoint = Command("SAVEPOINT work");
        rollbackToSavepoint = Command("ROLLBACK TO work");
        releaseSavepoint = Command("RELEASE work");

        insertReceipt = Command("INSERT INTO receipts(id, account, hash, at) VALUES ($id, $account, $hash, $at) ON CONFLICT(id) DO NOTHING");
        receiptId = insertReceipt.Parameters.Add("$id", SqliteType.Text);
        receiptAccount = insertReceipt.Parameters.Add("$account", SqliteType.Text);
        receiptHash = insertReceipt.Parameters.Add("$hash", SqliteType.Blob);
        receiptAt = insertReceipt.Parameters.Add("$at", SqliteType.Integer);

        // A journal is contiguous: an entry goes in only as the next of its subject's, so that a commit lost in a failed
        // flush can never leave a hole that a later one steps over.
        insertJournal = Command(
            "INSERT INTO journal(subject, seq, kind, payload) SELECT $subject, $seq, $kind, $payload "
            + "WHERE $seq = 1 OR EXISTS (SELECT 1 FROM journal WHERE subject = $subject AND seq = $seq - 1) "
            + "ON CONFLICT(subject, seq) DO NOTHING");
        journalSubject = insertJournal.Parameters.Add("$subject", SqliteType.Text);
        journalSeq = insertJournal.Parameters.Add("$seq", SqliteType.Integer);
        journalKind = insertJournal.Parameters.Add("$kind", SqliteType.Integer);
        journalPayload = insertJournal.Parameters.Add("$payload", SqliteType.Blob);

        insertAudit = Command("INSERT INTO audit(subject, seq, body, prev, hash) VALUES ($subject, $seq, $body, $prev, $hash) ON CONFLICT(subject, seq) DO NOTHING");
        auditSubject = insertAudit.Parameters.Add("$subject", SqliteType.Text);
        auditSeq = insertAudit.Parameters.Add("$seq", SqliteType.Integer);
        auditBody = insertAudit.Parameters.Add("$body", SqliteType.Text);
        auditPrev = insertAudit.Parameters.Add("$prev", SqliteType.Text);
        auditHash = insertAudit.Parameters.Add("$hash", SqliteType.Text);

        insertChange = Command("INSERT INTO changes(account, version, state, at, body) VALUES ($account, $version, $state, $at, $body)");
        changeAccount = insertChange.Parameters.Add("$account", SqliteType.Text);
        changeVersion = insertChange.Parameters.Add("$version", SqliteType.Integer);
        changeState = insertChange.Parameters.Add("$state", SqliteType.Text);
        changeAt = insertChange.Parameters.Add("$at", SqliteType.Text);
        changeBody = insertChange.Parameters.Add("$body", SqliteType.Text);

        setTimer = Command("INSERT INTO timers(subject, due) VALUES ($subject, $due) ON CONFLICT(subject) DO UPDATE SET due = excluded.due");
        setTimerSubject = setTimer.Parameters.Add("$subject", SqliteType.Text);
        setTimerDue = setTimer.Parameters.Add("$due", SqliteType.Integer);

        clearTimer = Command("DELETE FROM timers WHERE subject = $subject");
        clearTimerSubject = clearTimer.Parameters.Add("$subject", SqliteType.Text);

        insertCheckpoint = Command("INSERT INTO checkpoints(key, etag, data) VALUES ($key, $etag, $data) ON CONFLICT(key) DO NOTHING");
        insertCheckpointKey = insertCheckpoint.Parameters.Add("$key", SqliteType.Text);
        insertCheckpointETag = insertCheckpoint.Parameters.Add("$etag", SqliteType.Text);
        insertCheckpointData = insertCheckpoint.Parameters.Add("$data", SqliteType.Blob);

        replaceCheckpoint = Command("UPDATE checkpoints SET etag = $etag, data = $data WHERE key = $key AND etag = $expected");
        replaceCheckpointKey = replaceCheckpoint.Parameters.Add("$key", SqliteType.Text);
        replaceCheckpointExpected = replaceCheckpoint.Parameters.Add("$expected", SqliteType.Text);
        replaceCheckpointETag = replaceCheckpoint.Parameters.Add("$etag", SqliteType.Text);
        replaceCheckpointData = replaceCheckpoint.Parameters.Add("$data", SqliteType.Blob);

        deleteCheckpoint = Command("DELETE FROM checkpoints WHERE key = $key AND etag = $expected");
        deleteCheckpointKey = deleteCheckpoint.Parameters.Add("$key", SqliteType.Text);
        deleteCheckpointExpected = deleteCheckpoint.Parameters.Add("$expected", SqliteType.Text);

        checkpointExists = Command("SELECT EXISTS(SELECT 1 FROM checkpoints WHERE key = $key)");
        checkpointExistsKey = checkpointExists.Parameters.Add("$key", SqliteType.Text);
    }

    public void Begin() => begin.ExecuteNonQuery();

    public void Commit() => commit.ExecuteNonQuery();

    public void Rollback() => rollback.ExecuteNonQuery();

    public void Savepoint() => savepoint.ExecuteNonQuery();

    /// <summary>Undoes everything since <see cref="Savepoint"/>, and ends it.</summary>
    public void RollbackToSavepoint()
    {
        rollbackToSavepoint.ExecuteNonQuery();
        releaseSavepoint.ExecuteNonQuery();
    }

    public void ReleaseSavepoint() => releaseSavepoint.ExecuteNonQuery();

    /// <summary>False when the id is already stored, by an earlier flush or earlier in this one.</summary>
    public bool InsertReceipt(SignalReceipt receipt)
    {
        receiptId.Value = receipt.Id;
        receiptAccount.Value = receipt.Account;
        receiptHash.Value = receipt.ContentHash;
        receiptAt.Value = receipt.At;
        return insertReceipt.ExecuteNonQuery() == 1;
    }

    /// <summary>False when the sequence is taken or is not the next of the subject's journal.</summary>
    public bool InsertJournal(JournalEntry entry)
    {
        journalSubject.Value = entry.Subject;
        journalSeq.Value = entry.Seq;
        journalKind.Value = (long)entry.Kind;
        journalPayload.Value = entry.Payload;
        return insertJournal.ExecuteNonQuery() == 1;
    }

    /// <summary>False when the chain's sequence is already taken.</summary>
    public bool InsertAudit(AuditRecord record)
    {
        auditSubject.Value = record.Subject;
        auditSeq.Value = record.Seq;
        auditBody.Value = record.Body;
        auditPrev.Value = record.Prev;
        auditHash.Value = record.Hash;
        return insertAudit.ExecuteNonQuery() == 1;
    }

    public void InsertChange(EnforcementChange change)
    {
        changeAccount.Value = change.Account;
        changeVersion.Value = change.Version;
        changeState.Value = change.State;
        changeAt.Value = StoredTime.ToText(change.At);
        changeBody.Value = change.Body;
        insertChange.ExecuteNonQuery();
    }

    public void SetTimer(DueTimer timer)
    {
        if (timer.Due is { } due)
        {
            setTimerSubject.Value = timer.Subject;
            setTimerDue.Value = StoredTime.ToTicks(due);
            setTimer.ExecuteNonQuery();
        }
        else
        {
            clearTimerSubject.Value = timer.Subject;
            clearTimer.ExecuteNonQuery();
        }
    }

    /// <summary>False when a checkpoint is already stored under the key.</summary>
    public bool InsertCheckpoint(string key, byte[] data, string etag)
    {
        insertCheckpointKey.Value = key;
        insertCheckpointETag.Value = etag;
        insertCheckpointData.Value = data;
        return insertCheckpoint.ExecuteNonQuery() == 1;
    }

    /// <summary>False when no checkpoint with the expected ETag is stored under the key.</summary>
    public bool ReplaceCheckpoint(string key, byte[] data, string expectedETag, string etag)
    {
        replaceCheckpointKey.Value = key;
        replaceCheckpointExpected.Value = expectedETag;
        replaceCheckpointETag.Value = etag;
        replaceCheckpointData.Value = data;
        return replaceCheckpoint.ExecuteNonQuery() == 1;
    }

    /// <summary>False when no checkpoint with the expected ETag is stored under the key.</summary>
    public bool DeleteCheckpoint(string key, string expectedETag)
    {
        deleteCheckpointKey.Value = key;
        deleteCheckpointExpected.Value = expectedETag;
        return deleteCheckpoint.ExecuteNonQuery() == 1;
    }

    public bool CheckpointExists(string key)
    {
        checkpointExistsKey.Value = key;
        return Convert.ToInt64(checkpointExists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>A statement run too rarely to keep prepared: schema, policy sets, digests.</summary>
    public SqliteCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        all.Add(command);
        return command;
    }
}
