using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary>Enforcement state, the change feed, profiles, challenges and the account view, through real HTTP.</summary>
[Collection(SharedHost.Name)]
public sealed class AccountTests(HostFixture host)
{
    private HttpClient Automation => host.Client("automation");

    [Fact]
    public async Task An_account_never_seen_is_allowed_at_version_0()
    {
        var account = Signal.Unique("never");

        var enforcement = await Http.GetAsync(Automation, $"/v1/accounts/{account}/enforcement");

        Assert.Equal(account, enforcement["account"]!.ToString());
        Assert.Equal("allow", enforcement["state"]!.ToString());
        Assert.Equal(0, (long)enforcement["version"]!);
        Assert.Empty(enforcement["reasons"]!.AsArray());
    }

    [Fact]
    public async Task An_account_id_over_the_limit_is_a_400_problem_on_the_hot_path()
    {
        using var response = await Automation.GetAsync($"/v1/accounts/{new string('a', 129)}/enforcement");
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]!["id"]);
    }

    [Fact]
    public async Task The_change_feed_resumes_after_a_cursor()
    {
        var start = await EndOfFeedAsync();
        var account = Signal.Unique("feed");
        await ClimbAsync(account, rungs: 2);

        var page = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={start}&limit=1000");
        var mine = page["changes"]!.AsArray().Where(c => c!["account"]!.ToString() == account).ToList();
        Assert.Equal(["throttle", "challenge"], mine.Select(c => c!["state"]!.ToString()));
        Assert.Equal([1L, 2L], mine.Select(c => (long)c!["version"]!));
        Assert.All(page["changes"]!.AsArray(), c => Assert.Equal(System.Text.Json.JsonValueKind.String, c!["cursor"]!.GetValueKind()));

        var resumed = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={mine[0]!["cursor"]}&limit=1000");
        Assert.Equal(["challenge"], resumed["changes"]!.AsArray().Where(c => c!["account"]!.ToString() == account).Select(c => c!["state"]!.ToString()));

        var end = page["next"]!.ToString();
        var nothing = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={end}");
        Assert.DoesNotContain(nothing["changes"]!.AsArray(), c => c!["account"]!.ToString() == account);
        if (nothing["changes"]!.AsArray().Count == 0)
            Assert.Equal(end, nothing["next"]!.ToString());
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task A_bad_feed_query_is_a_400_problem_keyed_by_its_parameter(string query, string key)
    {
        using var response = await Automation.GetAsync($"/v1/enforcement/changes?{query}");
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]![key]);
    }

    [Fact]
    public async Task A_profile_put_is_what_the_account_view_shows_and_missing_fields_keep_their_value()
    {
        var account = Signal.Unique("profile");
        using var reviewer = host.Client("reviewer");

        await Http.ExpectAsync(Automation, "PUT", $"/v1/accounts/{account}/profile", 204,
            new JsonObject { ["created"] = Signal.Time(Signal.Now.AddDays(-3)), ["tier"] = "free", ["region"] = "US", ["verified"] = false });
        await Http.ExpectAsync(Automation, "PUT", $"/v1/accounts/{account}/profile", 204, new JsonObject { ["verified"] = true });

        var view = await Http.GetAsync(reviewer, $"/v1/accounts/{account}");
        Assert.Equal("free", view["profile"]!["tier"]!.ToString());
        Assert.Equal("US", view["profile"]!["region"]!.ToString());
        Assert.True((bool)view["profile"]!["verified"]!);
    }

    [Fact]
    public async Task A_profile_created_in_the_future_is_a_400_problem()
    {
        using var response = await Http.SendAsync(Automation, "PUT", $"/v1/accounts/{Signal.Unique("future")}/profile",
            new JsonObject { ["created"] = Signal.Time(Signal.Now.AddDays(1)) });
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]!["created"]);
    }

    [Fact]
    public async Task A_passed_challenge_lifts_the_challenge_of_an_account()
    {
        var account = Signal.Unique("challenged");
        await ClimbAsync(account, rungs: 2);
        Assert.Equal("challenge", (await Http.GetAsync(Automation, $"/v1/accounts/{account}/enforcement"))["state"]!.ToString());

        await Http.ExpectAsync(Automation, "POST", $"/v1/accounts/{account}/challenge", 200,
            new JsonObject { ["id"] = Signal.Unique("report"), ["passed"] = true, ["kind"] = "identity" });

        var after = await Http.GetAsync(Automation, $"/v1/accounts/{account}/enforcement");
        Assert.NotEqual("challenge", after["state"]!.ToString());
    }

    [Fact]
    public async Task A_challenge_report_without_id_or_outcome_is_a_400_problem_naming_both()
    {
        using var response = await Http.SendAsync(Automation, "POST", $"/v1/accounts/{Signal.Unique("report")}/challenge", new JsonObject { ["kind"] = "identity" });
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]!["id"]);
        Assert.NotNull(problem["errors"]!["passed"]);
    }

    /// <summary>The end of the feed as it is now: what a gateway starting to follow it would remember.</summary>
    private async Task<string> EndOfFeedAsync()
    {
        var after = "0";
        while (true)
        {
            var page = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={after}&limit=1000");
            if (page["changes"]!.AsArray().Count == 0)
                return page["next"]!.ToString();
            after = page["next"]!.ToString();
        }
    }

    private Task ClimbAsync(string account, int rungs) => Signal.ClimbAsync(Automation, account, rungs);
}
