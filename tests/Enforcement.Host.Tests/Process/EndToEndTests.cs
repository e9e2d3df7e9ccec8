using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests.Process;

/// <summary>
/// The host as an operator starts it (a process, configuration in environment variables only) driven through the
/// wire contract alone: a policy set of the test's own, then signals up the ladder to a throttle, a challenge and a
/// suspension, each read back through the enforcement state, the change feed and the audit timeline.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("enforcement-e2e-").FullName;

    [Fact]
    public async Task Signals_climb_an_account_to_a_throttle_a_challenge_and_a_suspension_seen_through_every_read()
    {
        await using var host = await HostProcess.StartAsync(dataDir, Keys.Environment);
        using var automation = host.Client(Keys.Automation);
        using var author = host.Client(Keys.PolicyAuthor);
        using var reviewer = host.Client(Keys.Reviewer);

        await Wire.PutPoliciesAsync(author, TestPack.Files);
        var policies = await Wire.GetAsync(author, "/v1/policies");
        Assert.Contains("burst.yaml", policies["files"]!.AsObject().Select(f => f.Key));
        var feedStart = (await Wire.GetAsync(automation, "/v1/enforcement/changes?limit=1000"))["next"]?.ToString();

        var now = TimeProvider.System.GetUtcNow().AddMinutes(-30);
        var expected = new[] { ("throttle", "throttle"), ("challenge", "challenge"), ("suspend", "suspended") };
        for (var step = 0; step < expected.Length; step++)
        {
            var at = now.AddMinutes(step * 2);
            var count = step == 0 ? 3 : 1;
            var answer = await Wire.PostSignalsAsync(automation, Wire.Batch(Enumerable.Range(0, count).Select(i =>
                Wire.Request($"e2e-{step}-{i}", "e2e-account", at.AddSeconds(i)))));
            Assert.Equal(count, (int)answer["accepted"]!);
            var decision = Assert.Single(answer["decisions"]!.AsArray())!;
            Assert.Equal(expected[step].Item1, decision["action"]!.ToString());

            var enforcement = await Wire.GetAsync(automation, "/v1/accounts/e2e-account/enforcement");
            Assert.Equal(expected[step].Item2, enforcement["state"]!.ToString());
            Assert.Equal(step + 1, (int)enforcement["version"]!);
            Assert.Contains(enforcement["reasons"]!.AsArray(), r => r!["policy"]!.ToString() == TestPack.PolicyId && r["decision"]!.ToString() == decision["decision"]!.ToString());
        }

        var throttled = await Wire.GetAsync(automation, "/v1/accounts/e2e-account/enforcement");
        Assert.Equal(20, (int)throttled["rpm"]!);
        Assert.Equal("identity", throttled["challenge"]!.ToString());

        var feed = await Wire.GetAsync(automation, $"/v1/enforcement/changes?limit=1000{(feedStart is null ? "" : "&after=" + feedStart)}");
        var states = feed["changes"]!.AsArray().Where(c => c!["account"]!.ToString() == "e2e-account").Select(c => c!["state"]!.ToString());
        Assert.Equal(["throttle", "challenge", "suspended"], states);

        var records = await Wire.AuditOfAsync(reviewer, "e2e-account");
        Assert.Equal(["throttle", "challenge", "suspend"], records.Select(r => r["action"]!.ToString()));
        Assert.Equal([1, 2, 3], records.Select(r => (int)r["seq"]!));
        Assert.All(records, r =>
        {
            Assert.Equal(TestPack.PolicyId, r["policy"]!["id"]!.ToString());
            Assert.Equal("system", r["actor"]!.ToString());
            Assert.Contains("count(request, 10m)", r["explanation"]!.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(records[0]["hash"]!.ToString(), records[1]["prev"]!.ToString());

        using var verify = await reviewer.PostAsJsonAsync("/v1/audit/verify", new JsonObject());
        var verification = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        Assert.True((bool)verification["ok"]!, verification.ToJsonString());

        using var forbidden = await automation.GetAsync("/v1/accounts/e2e-account/audit");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    public void Dispose()
    {
        TestMachine.DeleteFolder(dataDir);
    }
}
