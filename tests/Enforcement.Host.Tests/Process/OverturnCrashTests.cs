using System.Text.Json.Nodes;
using Enforcement.Host.Tests.Cli;

namespace Enforcement.Host.Tests.Process;

/// <summary>An overturn acknowledged, then SIGKILL: the restarted host shows the account restored and every chain verifying.</summary>
public sealed class OverturnCrashTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("enforcement-overturn-").FullName;

    [Fact]
    public async Task After_an_overturn_a_kill_and_a_restart_the_account_stays_restored_and_the_audit_verifies()
    {
        const string account = "o-1";
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        string caseId;
        await using (var host = await HostProcess.StartAsync(root, Keys.Environment))
        {
            using var author = host.Client(Keys.PolicyAuthor);
            await Wire.PutPoliciesAsync(author, TestPack.Files);
            using var automation = host.Client(Keys.Automation);
            using var reviewer = host.Client(Keys.Reviewer);
            for (var rung = 0; rung < 3; rung++)
            {
                var count = rung == 0 ? 3 : 1;
                await Wire.PostSignalsAsync(automation, Wire.Batch(Enumerable.Range(0, count)
                    .Select(i => Wire.Request($"o-{rung}-{i}", account, at.AddMinutes(rung * 2).AddSeconds(i)))));
            }
            Assert.Equal("suspended", (await Wire.GetAsync(automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());

            var opened = await Wire.PostAsync(automation, "/v1/appeals", new JsonObject { ["account"] = account, ["statement"] = "A lab's evaluation." });
            caseId = opened["id"]!.ToString();
            var decided = await Wire.PostAsync(reviewer, $"/v1/cases/{caseId}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "Known lab." });
            Assert.Equal("overturned", decided["status"]!.ToString());

            // Killed the moment the overturn is acknowledged: no checkpoint, no orderly shutdown.
            host.Kill();
        }

        await using var restarted = await HostProcess.StartAsync(root, Keys.Environment);
        using var gateway = restarted.Client(Keys.Automation);
        using var auditor = restarted.Client(Keys.Reviewer);
        var enforcement = await Wire.GetAsync(gateway, $"/v1/accounts/{account}/enforcement");
        Assert.Equal("allow", enforcement["state"]!.ToString());
        Assert.Empty(enforcement["reasons"]!.AsArray());

        var chain = await Wire.AuditOfAsync(auditor, account);
        var overturn = Assert.Single(chain, r => r["kind"]!.ToString() == "overturn");
        Assert.Equal("reviewer", overturn["actor"]!.ToString());
        var restored = await Wire.GetAsync(auditor, $"/v1/cases/{caseId}");
        Assert.Equal("overturned", restored["status"]!.ToString());
        Assert.True((bool)restored["applied"]!);

        var verified = await Wire.PostAsync(auditor, "/v1/audit/verify", new JsonObject());
        Assert.True((bool)verified["ok"]!, verified.ToJsonString());
        var (exit, lines) = Enforce.Run("audit", "verify", "--db", Path.Combine(root, "enforcement.db"));
        Assert.True(exit == 0, string.Join(Environment.NewLine, lines));
    }

    public void Dispose()
    {
        TestMachine.DeleteFolder(root);
    }
}
