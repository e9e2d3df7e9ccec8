using Enforcement.Runtime.Accounts;
using Enforcement.Store.Audit;
using Enforcement.Runtime.Tests.Store;
using Enforcement.Store.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcement.Runtime.Tests.Grains;

[Collection(RuntimeClusterGroup.Name)]
public sealed class AccountGrainTests(RuntimeCluster cluster)
{
    private static DateTimeOffset Start => RuntimeCluster.Start;

    [Fact]
    public async Task Climbs_to_a_throttle_and_records_the_decision_in_the_audit_chain_before_answering()
    {
        cluster.SetTime(Start.AddMinutes(1));
        var grain = cluster.Grains.GetGrain<IAccountGrain>("climber");

        var result = await grain.Ingest(TestSignals.Requests("climber", "climber", Start, 3));

        Assert.Equal(3, result.Accepted);
        var decision = Assert.Single(result.Decisions);
        Assert.Equal("test.burst", decision.Policy);
        Assert.Equal("climb", decision.Kind);
        Assert.Equal("throttle", decision.Action);
        Assert.Equal("rung 1", decision.To);

        var records = await cluster.Store.ReadAuditAsync("account:climber", 0, 10);
        var record = Assert.Single(records);
        var entry = AuditChain.Deserialize(record.Body);
        Assert.Equal(decision.Decision, entry.Decision);
        Assert.Contains("count(request, 1h)", entry.Explanation, StringComparison.Ordinal);
        Assert.Equal(AuditChain.HashOf(AuditChain.Genesis, record.Body), record.Hash);

        var enforcement = await grain.GetEnforcement();
        Assert.Equal("throttle", enforcement.State);
        Assert.Equal(20, enforcement.Rpm);
        Assert.Equal(Start.AddSeconds(2).AddHours(6), enforcement.Until);
        Assert.Equal(decision.Decision, Assert.Single(enforcement.Reasons).Decision);
        Assert.Equal(1, enforcement.Version);
    }

    [Fact]
    public async Task The_same_signals_sent_twice_have_one_effect()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("twice");
        var batch = TestSignals.Requests("twice", "twice", Start, 4);

        var first = await grain.Ingest(batch);
        var second = await grain.Ingest(batch);

        Assert.Equal(4, first.Accepted);
        Assert.Single(first.Decisions);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(4, second.Duplicates);
        Assert.Empty(second.Decisions);
        Assert.Single(await cluster.Store.ReadAuditAsync("account:twice", 0, 10));
        Assert.Single(await ReadJournal("account:twice"));
    }

    [Fact]
    public async Task A_reused_id_with_other_content_is_rejected_and_changes_nothing()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("reuse");
        await grain.Ingest([TestSignals.Request("reuse-1", "reuse", Start)]);

        var changed = TestSignals.Request("reuse-1", "reuse", Start.AddMinutes(1)) with { Index = 7 };
        var result = await grain.Ingest([changed, TestSignals.Request("reuse-2", "reuse", Start.AddMinutes(1), 8)]);

        Assert.Equal(1, result.Accepted);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(7, rejection.Index);
        Assert.Equal("reuse-1", rejection.Id);
        Assert.Contains("other content", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await ReadJournal("account:reuse")).Count);
    }

    [Fact]
    public async Task A_signal_of_an_unknown_type_is_rejected_with_the_catalog_named()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("unknown-type");
        var signal = TestSignals.Request("ut-1", "unknown-type", Start) with { Type = "requets" };

        var result = await grain.Ingest([signal]);

        Assert.Equal(0, result.Accepted);
        Assert.Contains("unknown signal type 'requets'", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
        Assert.Empty(await ReadJournal("account:unknown-type"));
    }

    [Fact]
    public async Task A_reactivated_grain_replays_its_journal_to_the_same_state_and_continues_the_chain()
    {
        cluster.SetTime(Start.AddMinutes(10));
        var grain = cluster.Grains.GetGrain<IAccountGrain>("phoenix");
        await grain.Ingest(TestSignals.Requests("phoenix-a", "phoenix", Start, 3));
        var before = await grain.GetView();

        await ForceDeactivationAsync();
        var after = await grain.GetView();

        Assert.Equal(before.Enforcement, after.Enforcement);
        Assert.Equal(before.Rungs.Select(r => (r.Policy, r.Rung)), after.Rungs.Select(r => (r.Policy, r.Rung)));
        Assert.Equal(before.Signals, after.Signals);

        var climb = await grain.Ingest(TestSignals.Requests("phoenix-b", "phoenix", Start.AddMinutes(5), 3));
        Assert.Equal("rung 2", Assert.Single(climb.Decisions).To);
        var verification = await AuditVerifier.VerifyAsync(cluster.Store, null, "account:phoenix");
        Assert.True(verification.Ok, verification.Broken?.Reason);
        Assert.Equal(2, verification.Records);
    }

    [Fact]
    public async Task Checkpoints_and_replays_past_them_to_the_same_state()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("long-lived");
        for (var i = 0; i < 150; i++)
            await grain.Ingest([TestSignals.Request($"long-{i}", "long-lived", Start.AddMinutes(i))]);
        var before = await grain.GetView();
        Assert.True(await CheckpointExistsAsync("long-lived"));

        await ForceDeactivationAsync();
        var after = await grain.GetView();

        Assert.Equal(before.Enforcement, after.Enforcement);
        Assert.Equal(before.AuditRecords, after.AuditRecords);
        Assert.Equal(150, after.Signals);
    }

    [Fact]
    public async Task Advancing_time_expires_a_throttle_once_and_clears_the_timer()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("expiring");
        await grain.Ingest(TestSignals.Requests("expiring", "expiring", Start, 3));
        var due = await cluster.Store.ReadDueAsync(Start.AddDays(1), 1000);
        Assert.Contains(due, t => t.Subject == "account:expiring" && t.Due == Start.AddSeconds(2).AddHours(6));

        var expired = await grain.Advance(Start.AddHours(7));
        var again = await grain.Advance(Start.AddHours(7));

        Assert.Equal("expire", Assert.Single(expired.Decisions).Kind);
        Assert.Empty(again.Decisions);
        cluster.SetTime(Start.AddHours(7));
        var enforcement = await grain.GetEnforcement();
        Assert.Equal("allow", enforcement.State);
        Assert.Equal(2, enforcement.Version);
    }

    [Fact]
    public async Task Enforcement_changes_reach_the_feed_in_order()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("fed");
        var tail = await cluster.Store.ReadChangesAsync(0, 100_000);
        var after = tail.IsEmpty ? 0 : tail[^1].Cursor;

        await grain.Ingest(TestSignals.Requests("fed-a", "fed", Start, 3));
        await grain.Ingest(TestSignals.Requests("fed-b", "fed", Start.AddMinutes(2), 1));

        var changes = (await cluster.Store.ReadChangesAsync(after, 100)).Where(c => c.Change.Account == "fed").ToList();
        Assert.Equal(["throttle", "challenge"], changes.Select(c => c.Change.State));
        Assert.Equal([1L, 2L], changes.Select(c => c.Change.Version));
    }

    [Fact]
    public async Task A_passed_challenge_lifts_the_challenge_and_a_failed_one_is_a_signal()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("challenged");
        await grain.Ingest(TestSignals.Requests("ch-a", "challenged", Start, 3));
        await grain.Ingest(TestSignals.Requests("ch-b", "challenged", Start.AddMinutes(2), 1));
        cluster.SetTime(Start.AddMinutes(2).AddSeconds(10));
        Assert.Equal("challenge", (await grain.GetEnforcement()).State);

        var passed = await grain.ReportChallenge(new ChallengeReport("r-1", true, "identity", Start.AddMinutes(2).AddSeconds(20)));
        var again = await grain.ReportChallenge(new ChallengeReport("r-1", true, "identity", Start.AddMinutes(2).AddSeconds(20)));
        var failed = await grain.ReportChallenge(new ChallengeReport("r-2", false, "identity", Start.AddMinutes(2).AddSeconds(30)));

        var lift = Assert.Single(passed.Decisions);
        Assert.Equal("lift", lift.Kind);
        Assert.Equal("challenge", lift.Action);
        Assert.Equal(1, again.Duplicates);
        Assert.Empty(again.Decisions);
        Assert.Equal(1, failed.Accepted);
        cluster.SetTime(Start.AddMinutes(2).AddSeconds(40));
        Assert.Equal("throttle", (await grain.GetEnforcement()).State);
        var records = await cluster.Store.ReadAuditAsync("account:challenged", 0, 10);
        Assert.Equal("identity", AuditChain.Deserialize(records[^1].Body).Actor);
        var journal = await ReadJournal("account:challenged");
        Assert.Equal([JournalKind.Signals, JournalKind.Signals, JournalKind.Challenge, JournalKind.Signals], journal.Select(e => e.Kind));
    }

    [Fact]
    public async Task Accounts_spread_over_both_silos_share_one_database()
    {
        var accounts = Enumerable.Range(0, 40).Select(i => $"spread-{i}").ToList();
        await Task.WhenAll(accounts.Select(a => cluster.Grains.GetGrain<IAccountGrain>(a).Ingest(TestSignals.Requests(a, a, Start, 3))));

        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        Assert.Equal(2, hosts.Length);
        foreach (var account in accounts)
            Assert.Single(await cluster.Store.ReadAuditAsync("account:" + account, 0, 10));
    }

    [Fact]
    public async Task The_silo_holding_an_account_answers_its_state_without_a_grain_call_until_the_grain_deactivates()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("hot-path");
        await grain.Ingest(TestSignals.Requests("hot", "hot-path", Start, 3));
        cluster.SetTime(Start.AddMinutes(1));
        var holders = cluster.SiloServices.Select(s => s.GetRequiredService<SiloEnforcementStates>()).ToList();

        var answers = await Task.WhenAll(holders.Select(h => h.ReadAsync("hot-path").AsTask()));

        Assert.All(answers, a => Assert.Equal("throttle", a.State));
        Assert.Equal(1, holders.Count(h => h.Holds("hot-path")));
        await ForceDeactivationAsync();
        Assert.DoesNotContain(holders, h => h.Holds("hot-path"));
    }

    [Fact]
    public async Task Enforcement_reads_answer_while_a_command_waits_for_its_commit()
    {
        var grain = cluster.Grains.GetGrain<IAccountGrain>("busy");
        await grain.Ingest(TestSignals.Requests("busy-a", "busy", Start, 3));
        cluster.SetTime(Start.AddMinutes(1));

        Task<Signals.IngestResult> waiting;
        using (new WriteLock(OpenConnection()))
        {
            // Every writer of the file now waits for this transaction: the next command cannot commit.
            waiting = grain.Ingest(TestSignals.Requests("busy-b", "busy", Start.AddMinutes(2), 1));
            await WriteLock.WriterReachesLock();
            Assert.False(waiting.IsCompleted);

            var fromGrain = await grain.GetEnforcement().WaitAsync(TimeSpan.FromSeconds(2));
            var fromSilo = await Task.WhenAll(cluster.SiloServices.Select(s => s.GetRequiredService<SiloEnforcementStates>().ReadAsync("busy").AsTask()));

            // What is read is the last durable state: the throttle, not the challenge the waiting command will bring.
            Assert.Equal("throttle", fromGrain.State);
            Assert.All(fromSilo, view => Assert.Equal("throttle", view.State));
            Assert.False(waiting.IsCompleted);
        }

        Assert.Equal("rung 2", Assert.Single((await waiting).Decisions).To);
        cluster.SetTime(Start.AddMinutes(3));
        Assert.Equal("challenge", (await grain.GetEnforcement()).State);
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection($"Data Source={cluster.DatabasePath};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private async Task ForceDeactivationAsync() =>
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private async Task<bool> CheckpointExistsAsync(string account)
    {
        await using var connection = new SqliteConnection($"Data Source={cluster.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM checkpoints WHERE key LIKE $key";
        command.Parameters.AddWithValue("$key", "%/" + account);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private async Task<List<JournalEntry>> ReadJournal(string subject)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in cluster.Store.ReadJournalAsync(subject, 0))
            entries.Add(entry);
        return entries;
    }
}
