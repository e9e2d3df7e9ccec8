namespace Enforcement.Store.Sqlite;

/// <summary>
/// The tables. Their names and columns are a contract: tamper tests and operators read and edit these rows with plain
/// SQL. Text compares with BINARY collation (byte order), so ordering by subject is ordinal. Only tables of small
/// rows (receipts, outbox positions, timers) are WITHOUT ROWID: SQLite keeps whole rows in the key's B-tree there, which costs a page
/// split per few rows once rows are large, as audit bodies, journal payloads and checkpoints are.
/// </summary>
internal static class Schema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS journal(subject TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, payload BLOB NOT NULL, PRIMARY KEY(subject, seq));
        CREATE TABLE IF NOT EXISTS receipts(id TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, hash BLOB NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit(subject TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY(subject, seq));
        CREATE TABLE IF NOT EXISTS changes(cursor INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox(destination TEXT NOT NULL PRIMARY KEY, cursor INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS timers(subject TEXT NOT NULL PRIMARY KEY, due INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS timers_due ON timers(due);
        CREATE TABLE IF NOT EXISTS checkpoints(key TEXT NOT NULL PRIMARY KEY, etag TEXT NOT NULL, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS policy_sets(version INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, files TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS digests(id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cases(id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, queue TEXT NOT NULL, status TEXT NOT NULL, urgency INTEGER NOT NULL, deadline INTEGER NOT NULL, due INTEGER, subject TEXT NOT NULL, account TEXT, version INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS cases_due ON cases(due) WHERE due IS NOT NULL;
        CREATE INDEX IF NOT EXISTS cases_account ON cases(account);
        CREATE TABLE IF NOT EXISTS case_policies(case_id TEXT NOT NULL, policy TEXT NOT NULL, PRIMARY KEY(case_id, policy)) WITHOUT ROWID;
        """;
}
