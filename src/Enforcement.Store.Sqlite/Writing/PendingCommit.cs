using System.Collections.Immutable;
using Enforcement.Store.Journal;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>A grain's commit: all of it under one savepoint, or none of it with the reason.</summary>
internal sealed class PendingCommit(Commit commit, CancellationToken cancellationToken)
    : PendingWork<CommitResult>(cancellationToken)
{
    protected override bool Write(WriterCommands commands)
    {
        // Every receipt is tried, even after a conflict, so that the caller learns all conflicting ids at once.
        var conflicts = ImmutableArray.CreateBuilder<string>(0);
        var receipts = commit.Receipts;
        for (var i = 0; i < receipts.Length; i++)
        {
            if (commands.InsertReceipt(receipts[i]))
            {
                continue;
            }

            if (RepeatsEarlierReceipt(i))
            {
                return Refuse(new ArgumentException($"Receipt '{receipts[i].Id}' appears twice in one commit."));
            }

            conflicts.Add(receipts[i].Id);
        }

        var taken = commit.Entry is { } entry && !commands.InsertJournal(entry);
        foreach (var record in commit.Audit)
        {
            taken |= !commands.InsertAudit(record);
        }

        if (conflicts.Count > 0)
        {
            return Refuse(taken ? new CommitResult(false, conflicts.ToImmutable(), true) : CommitResult.Conflict(conflicts.ToImmutable()));
        }

        if (taken)
        {
            return Refuse(CommitResult.Taken);
        }

        foreach (var change in commit.Changes)
        {
            commands.InsertChange(change);
        }

        if (commit.Timer is { } timer)
        {
            commands.SetTimer(timer);
        }

        foreach (var opened in commit.Cases.IsDefault ? [] : commit.Cases)
        {
            CaseRows.Insert(commands, opened);
        }

        return Keep(CommitResult.Done);
    }

    private bool RepeatsEarlierReceipt(int index)
    {
        var id = commit.Receipts[index].Id;
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(commit.Receipts[i].Id, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
