using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Persistence;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Persistence;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Signals;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Accounts;

/// <summary>Between an account's ledger and its checkpoint, and from one policy set to the next.</summary>
public static class AccountRestore
{
    public static AccountCheckpoint ToCheckpoint(AccountLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new AccountCheckpoint
        {
            Subject = SubjectCodec.Write(ledger.Subject),
            JournalSeq = ledger.JournalSeq,
            PolicySetVersion = ledger.Policies.Version,
            EnforcementVersion = ledger.EnforcementVersion,
            EventTime = ledger.EventTime,
            Due = ledger.Due,
            SignalCount = ledger.SignalCount,
            AuditSeq = ledger.Tail?.Seq ?? 0,
            AuditHash = ledger.Tail?.Hash,
            Links = [.. ledger.Links],
            Inherited = ledger.Inherited.IsEmpty ? null : InheritanceCodec.Write(ledger.Inherited.All),
            Waived = [.. ledger.Inherited.Waived],
            Reviewed = [.. ledger.Reviewed],
        };
    }

    /// <summary>The ledger as of a checkpoint, or a new one when there is none; the caller replays the journal after it.</summary>
    public static async Task<AccountLedger> FromCheckpointAsync(
        string account, AccountCheckpoint? saved, PolicySetCache policySets, ActivePolicySet active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policySets);
        ArgumentNullException.ThrowIfNull(active);
        if (saved?.Subject is null)
            return new AccountLedger(account, active.Current);

        var policies = await policySets.GetAsync(saved.PolicySetVersion, cancellationToken).ConfigureAwait(false);
        var ledger = new AccountLedger(account, policies);
        var subject = SubjectCodec.Read(saved.Subject, ledger.Key, policies.Set.For(Scope.Account), out var restore);
        if (!restore.WindowsRestored)
            throw new InvalidDataException($"The checkpoint of {ledger.Key} was written for another window layout than policy set version {saved.PolicySetVersion} has.");
        ledger.MoveTo(policies, subject);
        ledger.JournalSeq = saved.JournalSeq;
        ledger.EnforcementVersion = saved.EnforcementVersion;
        ledger.EventTime = saved.EventTime;
        ledger.Due = saved.Due;
        ledger.SignalCount = saved.SignalCount;
        foreach (var link in saved.Links)
            ledger.Link(link);
        foreach (var decision in saved.Waived)
            ledger.Inherited.Waive(decision);
        foreach (var reviewed in saved.Reviewed)
            ledger.Review(reviewed);
        if (saved.Inherited is { } inherited)
        {
            foreach (var held in InheritanceCodec.Read(inherited))
                ledger.Inherited.Apply(held);
        }
        ledger.Tail = saved.AuditHash is null ? null : new AuditRecord(ledger.Key, saved.AuditSeq, "", "", saved.AuditHash);
        ledger.LastState = ledger.EventTime is { } at ? EnforcementState.Combine(ledger.Enforcements, at) : EnforcementState.Allow;
        return ledger;
    }

    /// <summary>
    /// The subject rebuilt for another policy set: ladders carried by policy id, facts kept, windows kept only when the
    /// layout is the same (otherwise the caller recounts the journal's signals with <see cref="Recount"/>).
    /// </summary>
    public static Subject Carry(Subject subject, PolicySetVersion to, out bool windowsKept) => Carry(subject, to, Scope.Account, out windowsKept);

    /// <summary>As <see cref="Carry(Subject, PolicySetVersion, out bool)"/>, for a subject of any scope.</summary>
    public static Subject Carry(Subject subject, PolicySetVersion to, Scope scope, out bool windowsKept)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(to);
        var moved = SubjectCodec.Read(SubjectCodec.Write(subject), subject.Key, to.Set.For(scope), out var restore);
        windowsKept = restore.WindowsRestored;
        return moved;
    }

    /// <summary>Counts signals into the subject's windows without evaluating any policy: the ladders already saw them.</summary>
    public static void Recount(Subject subject, SignalCatalog catalog, string account, ImmutableArray<SignalInput> signals) =>
        Recount(subject, catalog, account, subject.Account.Created, signals);

    /// <summary>As <see cref="Recount(Subject, SignalCatalog, string, ImmutableArray{SignalInput})"/>, for a member account of an entity or cluster created at <paramref name="created"/>.</summary>
    public static void Recount(Subject subject, SignalCatalog catalog, string account, long created, ImmutableArray<SignalInput> signals)
    {
        ArgumentNullException.ThrowIfNull(subject);
        foreach (var signal in signals)
        {
            // A signal whose type the new catalog dropped counts in no window of the new set.
            if (Observations.TryCreate(catalog, signal.Type, signal.Value, signal.Category, account, created,
                    signal.At.UtcTicks, signal.Attrs, out var observation, out _))
                subject.Windows.Add(observation);
        }
    }
}
