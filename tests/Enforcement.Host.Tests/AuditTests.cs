using System.Text.Json.Nodes;
using Enforcement.Store.Audit;

namespace Enforcement.Host.Tests;

/// <summary>The audit timeline, digests and verification, through real HTTP over the SQLite store.</summary>
[Collection(SharedHost.Name)]
public sealed class AuditTests(HostFixture host)
{
    private HttpClient Reviewer => host.Client("reviewer");

    [Fact]
    public async Task The_timeline_pages_with_after_and_limit()
    {
        var account = Signal.Unique("timeline");
        await Signal.ClimbAsync(host.Client("automation"), account, rungs: 3);

        var first = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit?limit=2");
        var second = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit?after={first["next"]}&limit=2");
        var third = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit?after={second["next"]}&limit=2");

        Assert.Equal([1L, 2L], first["records"]!.AsArray().Select(r => (long)r!["seq"]!));
        Assert.Equal("2", first["next"]!.ToString());
        Assert.Equal([3L], second["records"]!.AsArray().Select(r => (long)r!["seq"]!));
        Assert.Empty(third["records"]!.AsArray());
        Assert.Equal("3", third["next"]!.ToString());
        var records = first["records"]!.AsArray().Concat(second["records"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        Assert.Equal(["throttle", "challenge", "suspend"], records.Select(r => r["action"]!.ToString()));
        Assert.All(records, r =>
        {
            Assert.Equal($"account:{account}", r["subject"]!.ToString());
            Assert.Equal(TestPack.PolicyId, r["policy"]!["id"]!.ToString());
            Assert.Equal(64, r["policy"]!["hash"]!.ToString().Length);
            Assert.Equal("system", r["actor"]!.ToString());
            Assert.Contains("count(request, 10m)", r["explanation"]!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(r["evidence"]);
            Assert.EndsWith("Z", r["at"]!.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(records[0]["hash"]!.ToString(), records[1]["prev"]!.ToString());
        Assert.Equal(records[1]["hash"]!.ToString(), records[2]["prev"]!.ToString());
    }

    [Fact]
    public async Task A_digest_is_saved_and_written_as_a_file_then_verify_is_ok_against_it()
    {
        var account = Signal.Unique("digested");
        await Signal.ClimbAsync(host.Client("automation"), account, rungs: 1);

        var digest = await Http.GetAsync(Reviewer, "/v1/audit/digest");
        var verification = await Http.ExpectAsync(Reviewer, "POST", "/v1/audit/verify", 200, new JsonObject());
        var one = await Http.ExpectAsync(Reviewer, "POST", "/v1/audit/verify", 200, new JsonObject { ["subject"] = $"account:{account}" });

        Assert.True((long)digest["id"]! > 0);
        Assert.Contains(digest["heads"]!.AsArray(), h => h!["subject"]!.ToString() == $"account:{account}");
        var file = digest["file"]!.ToString();
        Assert.StartsWith(Path.Combine(host.DataDir, "digests"), file, StringComparison.Ordinal);
        Assert.Equal(digest["root"]!.ToString(), AuditDigests.FromJson(File.ReadAllText(file)).Root);
        Assert.True((bool)verification["ok"]!, verification.ToJsonString());
        Assert.Null(verification["broken"]);
        Assert.True((long)verification["records"]! >= 1);
        Assert.Equal((long)digest["id"]!, (long)verification["digest"]!);
        Assert.True((bool)one["ok"]!, one.ToJsonString());
        Assert.Equal(1, (long)one["records"]!);
    }

    [Fact]
    public async Task A_digest_of_an_unchanged_log_is_the_digest_already_taken()
    {
        var first = await Http.GetAsync(Reviewer, "/v1/audit/digest");
        var second = await Http.GetAsync(Reviewer, "/v1/audit/digest");

        Assert.Equal((long)first["id"]!, (long)second["id"]!);
        Assert.Equal(first["root"]!.ToString(), second["root"]!.ToString());
    }
}
