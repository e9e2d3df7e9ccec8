using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.PolicySets;
using Enforcement.Runtime.Tests.Grains;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Accounts;

public sealed class AccountLedgerTests
{
    private static readonly PolicySetVersion Burst = new(1, TestPacks.Compile(TestPacks.Burst()));
    private static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_the_journal_gives_the_same_chain_versions_and_state()
    {
        var live = new AccountLedger("a-1", Burst);
        var journal = new List<Enforcement.Store.Journal.JournalEntry>();
        var records = new List<AuditRecord>();
        foreach (var command in Commands())
        {
            var step = live.Apply(command);
            journal.Add(step.Entry);
            records.AddRange(step.Records);
        }

        var replayed = new AccountLedger("a-1", Burst);
        foreach (var entry in journal)
            replayed.Apply(CommandCodec.Decode(entry));

        Assert.Equal(live.Tail, replayed.Tail);
        Assert.Equal(live.EnforcementVersion, replayed.EnforcementVersion);
        Assert.Equal(live.LastState, replayed.LastState);
        Assert.Equal(live.JournalSeq, replayed.JournalSeq);
        Assert.Equal(records.Count, live.Tail!.Seq);
        for (var i = 1; i < records.Count; i++)
            Assert.Equal(records[i - 1].Hash, records[i].Prev);
    }

    [Fact]
    public void A_change_of_state_is_published_once_with_the_next_version()
    {
        var ledger = new AccountLedger("a-2", Burst);

        var quiet = ledger.Apply(new ObserveSignals(1, TestSignals.Requests("q", "a-2", Start, 2)));
        var climb = ledger.Apply(new ObserveSignals(1, TestSignals.Requests("c", "a-2", Start.AddSeconds(5), 1)));
        var same = ledger.Apply(new ObserveSignals(1, TestSignals.Requests("s", "a-2", Start.AddSeconds(10), 1)));

        Assert.Null(quiet.Change);
        Assert.Equal("throttle", climb.Change!.State);
        Assert.Equal(1, climb.Change.Version);
        Assert.Contains("\"rpm\":20", climb.Change.Body, StringComparison.Ordinal);
        Assert.Null(same.Change);
    }

    [Fact]
    public void The_timer_moves_with_the_next_due_time_and_only_then()
    {
        var ledger = new AccountLedger("a-3", Burst);

        var climb = ledger.Apply(new ObserveSignals(1, TestSignals.Requests("t", "a-3", Start, 3)));
        var again = ledger.Apply(new ObserveSignals(1, TestSignals.Requests("u", "a-3", Start.AddSeconds(20), 1)));

        Assert.Equal(Start.AddSeconds(2).AddHours(6), climb.Timer!.Due);
        Assert.Null(again.Timer);
    }

    private static IEnumerable<AccountCommand> Commands()
    {
        yield return new UpdateProfile(1, new ProfileUpdate(Start.AddDays(-3), "free", "US", false));
        yield return new ObserveSignals(1, TestSignals.Requests("a", "a-1", Start, 3));
        yield return new ObserveSignals(1, TestSignals.Requests("b", "a-1", Start.AddMinutes(2), 2));
        yield return new PassChallenge(1, "r-1", "identity", Start.AddMinutes(3));
        yield return new AdvanceTime(1, Start.AddHours(7));
        yield return new ObserveSignals(1, TestSignals.Requests("c", "a-1", Start.AddHours(8), 4));
    }
}
