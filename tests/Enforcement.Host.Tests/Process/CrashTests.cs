using System.Text.Json.Nodes;
using Enforcement.Host.Tests.Cli;

namespace Enforcement.Host.Tests.Process;

/// <summary>
/// Kills the host with SIGKILL in the middle of a stream of batches, restarts it, re-sends what was not acknowledged,
/// and compares every account's state and audit chain with a run that never crashed.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Accounts = 24;
    private const int Batches = 30;
    private const int CrashAfter = 12;

    private readonly string root = Directory.CreateTempSubdirectory("enforcement-crash-").FullName;
    private readonly DateTimeOffset start;

    public CrashTests()
    {
        // Both runs send the same signals: event times from one fixed minute well inside the accepted window.
        var now = TimeProvider.System.GetUtcNow();
        start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-2);
    }

    [Fact]
    public async Task After_a_kill_and_the_unacknowledged_batches_sent_again_every_state_and_chain_equals_a_run_without_the_crash()
    {
        var reference = await RunWithoutCrashAsync(Path.Combine(root, "reference"));
        var (crashed, unacknowledged) = await RunWithCrashAsync(Path.Combine(root, "crashed"));

        Assert.NotEmpty(unacknowledged);
        Assert.Equal(reference.Keys.Order(), crashed.Keys.Order());
        foreach (var account in reference.Keys)
        {
            Assert.Equal(reference[account].Enforcement, crashed[account].Enforcement);
            Assert.Equal(reference[account].Chain, crashed[account].Chain);
        }
        Assert.Contains(reference.Values, a => a.Enforcement.Contains("\"suspended\"", StringComparison.Ordinal));

        var (exit, lines) = Enforce.Run("audit", "verify", "--db", Path.Combine(root, "crashed", "enforcement.db"));
        Assert.True(exit == 0, string.Join(Environment.NewLine, lines));
        Assert.StartsWith("ok:", lines[^1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        TestMachine.DeleteFolder(root);
    }

    private async Task<Dictionary<string, AccountOutcome>> RunWithoutCrashAsync(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        await using var host = await HostProcess.StartAsync(dataDir, Keys.Environment);
        using var automation = host.Client(Keys.Automation);
        await PreparePoliciesAsync(host);
        for (var b = 0; b < Batches; b++)
            await Wire.PostSignalsAsync(automation, BatchOf(b));
        return await OutcomesAsync(host);
    }

    private async Task<(Dictionary<string, AccountOutcome> Outcomes, List<int> Unacknowledged)> RunWithCrashAsync(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var unacknowledged = new List<int>();
        await using (var host = await HostProcess.StartAsync(dataDir, Keys.Environment))
        {
            using var automation = host.Client(Keys.Automation);
            await PreparePoliciesAsync(host);
            for (var b = 0; b < CrashAfter; b++)
                await Wire.PostSignalsAsync(automation, BatchOf(b));

            // The next batch is in flight when the process dies; whether all, some or none of it was committed, it was
            // never acknowledged, so the sender must send it again.
            var inFlight = Wire.PostSignalsAsync(automation, BatchOf(CrashAfter));
            await Task.Delay(15);
            host.Kill();
            try
            {
                await inFlight;
            }
            catch (Exception ex) when (ex is HttpRequestException or Xunit.Sdk.XunitException or TaskCanceledException)
            {
                unacknowledged.Add(CrashAfter);
            }
            if (unacknowledged.Count == 0)
                unacknowledged.Add(CrashAfter); // acknowledged just before the kill: resending it must be harmless too
        }

        await using var restarted = await HostProcess.StartAsync(dataDir, Keys.Environment);
        using var client = restarted.Client(Keys.Automation);
        for (var b = CrashAfter; b < Batches; b++)
        {
            var answer = await Wire.PostSignalsAsync(client, BatchOf(b));
            Assert.Empty(answer["rejected"]!.AsArray());
        }
        return (await OutcomesAsync(restarted), unacknowledged);
    }

    private static async Task PreparePoliciesAsync(HostProcess host)
    {
        using var author = host.Client(Keys.PolicyAuthor);
        await Wire.PutPoliciesAsync(author, TestPack.Files);
    }

    /// <summary>Batch <paramref name="b"/>: 40 requests, accounts in turn, event time moving 20s per batch.</summary>
    private JsonObject BatchOf(int b) => Wire.Batch(Enumerable.Range(0, 40).Select(i =>
        Wire.Request($"crash-{b}-{i}", $"c-{(b * 40 + i) % Accounts}", start.AddSeconds(b * 20 + i / 4))));

    private static async Task<Dictionary<string, AccountOutcome>> OutcomesAsync(HostProcess host)
    {
        using var automation = host.Client(Keys.Automation);
        using var reviewer = host.Client(Keys.Reviewer);
        var outcomes = new Dictionary<string, AccountOutcome>();
        for (var a = 0; a < Accounts; a++)
        {
            var account = $"c-{a}";
            var enforcement = await Wire.GetAsync(automation, $"/v1/accounts/{account}/enforcement");
            var chain = (await Wire.AuditOfAsync(reviewer, account)).Select(r => $"{r["seq"]} {r["hash"]} {r["prev"]}").ToList();
            outcomes[account] = new AccountOutcome(enforcement.ToJsonString(), chain);
        }
        return outcomes;
    }

    private sealed record AccountOutcome(string Enforcement, List<string> Chain)
    {
        public bool Equals(AccountOutcome? other) =>
            other is not null && Enforcement == other.Enforcement && Chain.SequenceEqual(other.Chain);

        public override int GetHashCode() => Enforcement.GetHashCode(StringComparison.Ordinal);
    }
}
