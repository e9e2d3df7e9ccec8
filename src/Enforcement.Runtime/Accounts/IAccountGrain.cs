using Orleans.Concurrency;
using System.Collections.Immutable;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// One account: its windows, facts and ladders. Commands run one at a time, each durable (journal, receipts, audit)
/// before it returns; the enforcement state is read without waiting behind them.
/// </summary>
[Alias("enforcement.account")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Takes the account's signals of one batch in order; duplicates by id have no effect.</summary>
    [Alias("ingest")]
    Task<IngestResult> Ingest(ImmutableArray<SignalInput> signals);

    /// <summary>The enforcement state now, from the last committed command: never waits behind one in progress.</summary>
    [Alias("enforcement"), AlwaysInterleave]
    Task<EnforcementView> GetEnforcement();

    [Alias("view")]
    Task<AccountView> GetView();

    [Alias("profile")]
    Task UpdateProfile(ProfileUpdate update);

    [Alias("challenge")]
    Task<IngestResult> ReportChallenge(ChallengeReport report);

    /// <summary>Lets time pass to <paramref name="now"/>: expiries, decay and delayed actions due by then.</summary>
    [Alias("advance")]
    Task<IngestResult> Advance(DateTimeOffset now);

    /// <summary>An entity or cluster the account belongs to tells it of its actions; an older or equal version changes nothing.</summary>
    [Alias("inherit")]
    Task<IngestResult> Inherit(InheritedActions actions);

    /// <summary>
    /// Reviewers decided case <paramref name="caseId"/> about the account: an overturn reverses the contested decisions
    /// at once; either outcome is audited with the reviewers as actor. A case already applied changes nothing.
    /// </summary>
    [Alias("review")]
    Task<IngestResult> Review(string caseId, CaseOutcome outcome, ImmutableArray<string> decisions);
}
