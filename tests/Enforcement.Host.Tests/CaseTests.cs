using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Tests;

/// <summary>Appeals, the queue, claims and decisions, four eyes, deadlines and policy quality, through real HTTP.</summary>
[Collection(SharedHost.Name)]
public sealed class CaseTests(HostFixture host)
{
    private HttpClient Automation => host.Client("automation");

    private HttpClient Reviewer => host.Client("reviewer");

    private HttpClient SecondReviewer => host.ClientWithKey(HostFixture.SecondReviewerKey);

    [Fact]
    public async Task An_overturned_appeal_restores_the_account_at_once_and_is_audited_with_the_reviewer_as_actor()
    {
        var account = Signal.Unique("appeal");
        await Signal.ClimbAsync(Automation, account, rungs: 3);
        Assert.Equal("suspended", (await EnforcementAsync(account))["state"]!.ToString());
        var feedStart = await EndOfFeedAsync();

        var opened = await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["statement"] = "I am a researcher running an evaluation." });
        Assert.Equal("appeal", opened["kind"]!.ToString());
        Assert.Equal("appeals", opened["queue"]!.ToString());
        Assert.Equal(3, opened["decisions"]!.AsArray().Count);
        Assert.All(opened["decisions"]!.AsArray(), d => Assert.Equal(TestPack.PolicyId, d!["policy"]!["id"]!.ToString()));
        Assert.Contains("count(request, 10m)", opened["decisions"]![0]!["explanation"]!.ToString(), StringComparison.Ordinal);
        var id = opened["id"]!.ToString();

        var claimed = await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/claim", 200, new JsonObject());
        Assert.Equal("claimed", claimed["status"]!.ToString());
        Assert.Equal("test-reviewer", claimed["claimedBy"]!.ToString());

        var decided = await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", 200,
            new JsonObject { ["outcome"] = "overturn", ["note"] = "Evaluation traffic from a known lab." });
        Assert.Equal("overturned", decided["status"]!.ToString());
        Assert.True((bool)decided["applied"]!);
        Assert.Equal(["test-reviewer"], decided["outcome"]!["by"]!.AsArray().Select(b => b!.ToString()));

        var enforcement = await EnforcementAsync(account);
        Assert.Equal("allow", enforcement["state"]!.ToString());
        Assert.Empty(enforcement["reasons"]!.AsArray());

        var feed = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={feedStart}&limit=1000");
        Assert.Equal(["allow"], feed["changes"]!.AsArray().Where(c => c!["account"]!.ToString() == account).Select(c => c!["state"]!.ToString()));

        var audit = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit");
        var overturn = Assert.Single(audit["records"]!.AsArray(), r => r!["kind"]!.ToString() == "overturn");
        Assert.Equal("test-reviewer", overturn!["actor"]!.ToString());
        Assert.Equal("rung 3", overturn["from"]!.ToString());
        Assert.Equal("rung 0", overturn["to"]!.ToString());
        Assert.Contains("Evaluation traffic from a known lab.", overturn["explanation"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(id, overturn["explanation"]!.ToString(), StringComparison.Ordinal);

        var verified = await Http.ExpectAsync(Reviewer, "POST", "/v1/audit/verify", 200, new JsonObject { ["subject"] = "account:" + account });
        Assert.True((bool)verified["ok"]!);

        // The same burst again: the reviewer's judgement holds, the ladder does not climb straight back.
        var again = Signal.Batch(Enumerable.Range(0, 4).Select(i => Signal.Request($"{account}-again-{i}", account, Signal.Now.AddSeconds(-10 + i))));
        var answer = await Http.ExpectAsync(Automation, "POST", "/v1/signals", 200, again);
        Assert.Empty(answer["decisions"]!.AsArray());
        Assert.Equal("allow", (await EnforcementAsync(account))["state"]!.ToString());
    }

    [Fact]
    public async Task Overturning_the_suspension_alone_takes_back_its_rung_and_keeps_the_rungs_below()
    {
        var account = Signal.Unique("rung");
        await Signal.ClimbAsync(Automation, account, rungs: 3);
        var suspension = (await EnforcementAsync(account))["reasons"]!.AsArray().Single(r => r!["action"]!.ToString() == "suspend")!["decision"]!.ToString();

        var opened = await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["decision"] = suspension, ["statement"] = "Only the suspension is wrong." });
        var id = opened["id"]!.ToString();
        await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", 200, new JsonObject { ["outcome"] = "overturn", ["note"] = "Challenge is enough." });

        var enforcement = await EnforcementAsync(account);
        Assert.Equal("challenge", enforcement["state"]!.ToString());
        var view = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}");
        Assert.Equal(2, (int)view["rungs"]!.AsArray().Single(r => r!["policy"]!.ToString() == TestPack.PolicyId)!["rung"]!);
    }

    [Fact]
    public async Task An_upheld_appeal_changes_nothing_and_is_audited()
    {
        var account = Signal.Unique("uphold");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["statement"] = "Please lift the throttle." }))["id"]!.ToString();

        var decided = await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", 200, new JsonObject { ["outcome"] = "uphold", ["note"] = "Scripted traffic." });

        Assert.Equal("upheld", decided["status"]!.ToString());
        Assert.Equal("throttle", (await EnforcementAsync(account))["state"]!.ToString());
        var audit = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit");
        Assert.Equal("test-reviewer", Assert.Single(audit["records"]!.AsArray(), r => r!["kind"]!.ToString() == "uphold")!["actor"]!.ToString());
    }

    [Fact]
    public async Task An_appeal_sent_again_with_its_id_answers_the_same_case_and_another_use_of_the_id_is_a_conflict()
    {
        var account = Signal.Unique("again");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var appealId = Signal.Unique("ap");
        var body = new JsonObject { ["id"] = appealId, ["account"] = account, ["statement"] = "Not me." };

        var first = await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201, body);
        var second = await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 200, body);
        Assert.Equal(first["id"]!.ToString(), second["id"]!.ToString());

        using var reused = await Http.SendAsync(Automation, "POST", "/v1/appeals", new JsonObject { ["id"] = appealId, ["account"] = account, ["statement"] = "Other words." });
        await Http.ProblemAsync(reused, 409);
        var listed = await Http.GetAsync(Reviewer, $"/v1/cases?account={account}&status=all");
        Assert.Single(listed["cases"]!.AsArray());
    }

    [Fact]
    public async Task Automation_cannot_claim_or_decide_a_case_and_a_policy_author_cannot_appeal()
    {
        var account = Signal.Unique("roles");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["statement"] = "Not me." }))["id"]!.ToString();

        using var decide = await Http.SendAsync(Automation, "POST", $"/v1/cases/{id}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "x" });
        await Http.ProblemAsync(decide, 403);
        using var claim = await Http.SendAsync(Automation, "POST", $"/v1/cases/{id}/claim", new JsonObject());
        await Http.ProblemAsync(claim, 403);
        using var appeal = await Http.SendAsync(host.Client("policy-author"), "POST", "/v1/appeals", new JsonObject { ["account"] = account, ["statement"] = "x" });
        await Http.ProblemAsync(appeal, 403);
        using var anonymous = await Http.SendAsync(host.Client(null), "POST", $"/v1/cases/{id}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "x" });
        await Http.ProblemAsync(anonymous, 401);

        Assert.Equal("throttle", (await EnforcementAsync(account))["state"]!.ToString());
        Assert.Equal("open", (await Http.GetAsync(Reviewer, $"/v1/cases/{id}"))["status"]!.ToString());
    }

    [Fact]
    public async Task In_a_four_eyes_queue_an_overturned_suspension_waits_for_a_second_reviewer()
    {
        var account = Signal.Unique("four");
        await Signal.ClimbAsync(Automation, account, rungs: 3);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["queue"] = "four-eyes", ["statement"] = "Not me." }))["id"]!.ToString();

        var proposed = await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", 200, new JsonObject { ["outcome"] = "overturn", ["note"] = "Looks legitimate." });
        Assert.Equal("awaiting-confirmation", proposed["status"]!.ToString());
        Assert.Equal("suspended", (await EnforcementAsync(account))["state"]!.ToString());

        using var self = await Http.SendAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "Confirming myself." });
        var problem = await Http.ProblemAsync(self, 409);
        Assert.Contains("Four-eyes", problem["detail"]!.ToString(), StringComparison.Ordinal);

        var confirmed = await Http.ExpectAsync(SecondReviewer, "POST", $"/v1/cases/{id}/decision", 200, new JsonObject { ["outcome"] = "overturn", ["note"] = "Agreed." });
        Assert.Equal("overturned", confirmed["status"]!.ToString());
        Assert.Equal(["test-reviewer", "test-reviewer-2"], confirmed["outcome"]!["by"]!.AsArray().Select(b => b!.ToString()));
        Assert.Equal("allow", (await EnforcementAsync(account))["state"]!.ToString());
        var audit = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}/audit");
        Assert.Equal("test-reviewer+test-reviewer-2", Assert.Single(audit["records"]!.AsArray(), r => r!["kind"]!.ToString() == "overturn")!["actor"]!.ToString());
    }

    [Fact]
    public async Task A_case_claimed_by_one_reviewer_cannot_be_decided_by_another()
    {
        var account = Signal.Unique("claim");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201, new JsonObject { ["account"] = account, ["statement"] = "Not me." }))["id"]!.ToString();
        await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/claim", 200, new JsonObject());

        using var other = await Http.SendAsync(SecondReviewer, "POST", $"/v1/cases/{id}/decision", new JsonObject { ["outcome"] = "overturn", ["note"] = "x" });
        var problem = await Http.ProblemAsync(other, 409);
        Assert.Contains("claimed by test-reviewer", problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_past_its_deadline_is_raised_by_the_scheduler()
    {
        var account = Signal.Unique("late");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201,
            new JsonObject { ["account"] = account, ["queue"] = "fast", ["statement"] = "Please hurry." }))["id"]!.ToString();

        JsonNode raised = null!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            raised = await Http.GetAsync(Reviewer, $"/v1/cases/{id}");
            if ((bool)raised["overdue"]!)
                break;
            await Task.Delay(200);
        }

        Assert.True((bool)raised["overdue"]!);
        Assert.Equal("high", raised["priority"]!.ToString());
        var step = Assert.Single(raised["history"]!.AsArray(), h => h!["event"]!.ToString() == "raised");
        Assert.Equal("system", step!["actor"]!.ToString());
        var queue = await Http.GetAsync(Reviewer, "/v1/cases?queue=fast");
        Assert.Contains(queue["cases"]!.AsArray(), c => c!["id"]!.ToString() == id);
    }

    [Fact]
    public async Task An_escalating_decision_opens_a_case_in_its_queue_with_its_explanation()
    {
        var account = Signal.Unique("esc");
        var signal = new JsonObject { ["id"] = account + "-rm", ["account"] = account, ["type"] = "region_mismatch", ["at"] = Signal.Time(Signal.Now.AddSeconds(-5)) };
        await Http.ExpectAsync(Automation, "POST", "/v1/signals", 200, Signal.Batch(signal));

        var listed = await Http.GetAsync(Reviewer, $"/v1/cases?queue=test-escalations&account={account}");
        var opened = Assert.Single(listed["cases"]!.AsArray())!;
        Assert.Equal("escalation", opened["kind"]!.ToString());
        Assert.Equal("high", opened["priority"]!.ToString());
        Assert.Equal(TestPack.EscalateId, opened["decisions"]![0]!["policy"]!["id"]!.ToString());
        Assert.Contains("count(region_mismatch, 1h)", opened["decisions"]![0]!["explanation"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("allow", (await EnforcementAsync(account))["state"]!.ToString());
    }

    [Fact]
    public async Task Policy_quality_counts_appeals_and_overturns_per_policy()
    {
        var before = await QualityAsync();
        var account = Signal.Unique("quality");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var id = (await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201, new JsonObject { ["account"] = account, ["statement"] = "Not me." }))["id"]!.ToString();
        await Http.ExpectAsync(Reviewer, "POST", $"/v1/cases/{id}/decision", 200, new JsonObject { ["outcome"] = "overturn", ["note"] = "Wrong." });

        var after = await QualityAsync();
        Assert.Equal(before.Appealed + 1, after.Appealed);
        Assert.Equal(before.Overturned + 1, after.Overturned);
        Assert.True(after.Decisions >= before.Decisions + 1);
    }

    private static readonly string[] AsOpened = ["low", "urgent", "normal", "normal", "high"];

    private static readonly string[] ByUrgency = ["urgent", "high", "normal", "normal", "low"];

    [Fact]
    public async Task The_queue_pages_with_after_in_its_own_order_and_refuses_a_cursor_it_did_not_give()
    {
        var account = Signal.Unique("paging");
        await Signal.ClimbAsync(Automation, account, rungs: 1);
        var queue = "paging-" + account;
        foreach (var (priority, n) in AsOpened.Select((p, n) => (p, n)))
        {
            await Http.ExpectAsync(Automation, "POST", "/v1/appeals", 201, new JsonObject
            {
                ["id"] = $"{account}-appeal-{n}", ["account"] = account, ["statement"] = "Please look again.", ["queue"] = queue, ["priority"] = priority,
            });
        }

        var whole = await Http.GetAsync(Reviewer, $"/v1/cases?queue={queue}&limit=100");
        Assert.Null(whole["next"]);
        var order = whole["cases"]!.AsArray().Select(c => c!["id"]!.ToString()).ToList();
        Assert.Equal(ByUrgency, whole["cases"]!.AsArray().Select(c => c!["priority"]!.ToString()));

        var paged = new List<string>();
        var pages = new List<int>();
        string? next = null;
        do
        {
            var page = await Http.GetAsync(Reviewer, $"/v1/cases?queue={queue}&limit=2" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next)));
            var ids = page["cases"]!.AsArray().Select(c => c!["id"]!.ToString()).ToList();
            paged.AddRange(ids);
            pages.Add(ids.Count);
            next = page["next"]?.ToString();
        }
        while (next is not null && pages.Count < 10);

        Assert.Equal(order, paged);
        Assert.Equal([2, 2, 1], pages);

        using var forged = await Reviewer.GetAsync(new Uri($"/v1/cases?queue={queue}&after=not-a-cursor", UriKind.Relative));
        Assert.NotNull((await Http.ProblemAsync(forged, 400))["errors"]!["after"]);
    }

    [Fact]
    public async Task Bad_case_requests_are_problems_with_a_reason()
    {
        var quiet = Signal.Unique("quiet");
        using var nothing = await Http.SendAsync(Automation, "POST", "/v1/appeals", new JsonObject { ["account"] = quiet, ["statement"] = "Why?" });
        Assert.Contains("no restriction", (await Http.ProblemAsync(nothing, 422))["detail"]!.ToString(), StringComparison.Ordinal);

        using var noStatement = await Http.SendAsync(Automation, "POST", "/v1/appeals", new JsonObject { ["account"] = quiet });
        Assert.NotNull((await Http.ProblemAsync(noStatement, 400))["errors"]!["statement"]);

        using var missing = await Http.SendAsync(Reviewer, "POST", "/v1/cases/c-0000000000000000/decision", new JsonObject { ["outcome"] = "uphold", ["note"] = "x" });
        await Http.ProblemAsync(missing, 404);

        using var badOutcome = await Http.SendAsync(Reviewer, "POST", "/v1/cases/c-0000000000000000/decision", new JsonObject { ["outcome"] = "pardon", ["note"] = "x" });
        Assert.NotNull((await Http.ProblemAsync(badOutcome, 400))["errors"]!["outcome"]);
    }

    [Fact]
    public async Task A_queue_with_a_deadline_that_is_not_positive_stops_the_host_from_starting()
    {
        var dataDir = Directory.CreateTempSubdirectory("enforcement-queues-").FullName;
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Enforcement:DataDir"] = dataDir,
                ["Enforcement:Queues:appeals:Deadline"] = "-00:01:00",
            }));
            await app.StartAsync();
        });

        Assert.Contains("Queues:appeals:Deadline must be positive", failure.Message, StringComparison.Ordinal);
    }

    private async Task<(long Decisions, long Appealed, long Overturned)> QualityAsync()
    {
        var quality = await Http.GetAsync(host.Client("policy-author"), "/v1/policies/quality");
        var burst = quality["policies"]!.AsArray().SingleOrDefault(p => p!["policy"]!.ToString() == TestPack.PolicyId);
        return burst is null ? (0, 0, 0) : ((long)burst["decisions"]!, (long)burst["appealed"]!, (long)burst["overturned"]!);
    }

    private Task<JsonNode> EnforcementAsync(string account) => Http.GetAsync(Automation, $"/v1/accounts/{account}/enforcement");

    private async Task<string> EndOfFeedAsync()
    {
        var after = "0";
        while (true)
        {
            var page = await Http.GetAsync(Automation, $"/v1/enforcement/changes?after={after}&limit=1000");
            if (page["changes"]!.AsArray().Count == 0)
                return after;
            after = page["next"]!.ToString();
        }
    }
}
