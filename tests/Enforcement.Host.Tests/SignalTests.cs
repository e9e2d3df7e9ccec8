using System.Text;
using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary><c>POST /v1/signals</c> through real HTTP into the account grains and the SQLite store.</summary>
[Collection(SharedHost.Name)]
public sealed class SignalTests(HostFixture host)
{
    private HttpClient Automation => host.Client("automation");

    [Fact]
    public async Task Accepts_a_batch_and_answers_the_decisions_it_caused()
    {
        var account = Signal.Unique("happy");
        var at = Signal.Now.AddMinutes(-5);

        var answer = await PostAsync(Signal.Batch(Enumerable.Range(0, 3).Select(i => Signal.Request($"{account}-{i}", account, at.AddSeconds(i)))));

        Assert.Equal(3, (int)answer["accepted"]!);
        Assert.Equal(0, (int)answer["duplicates"]!);
        Assert.Empty(answer["rejected"]!.AsArray());
        var decision = Assert.Single(answer["decisions"]!.AsArray())!;
        Assert.Equal("throttle", decision["action"]!.ToString());
        Assert.Equal(TestPack.PolicyId, decision["policy"]!.ToString());
        Assert.Equal($"account:{account}", decision["subject"]!.ToString());
        var enforcement = await Http.GetAsync(Automation, $"/v1/accounts/{account}/enforcement");
        Assert.Equal("throttle", enforcement["state"]!.ToString());
        Assert.Equal(20, (int)enforcement["rpm"]!);
        Assert.Equal(1, (int)enforcement["version"]!);
        Assert.Equal(decision["decision"]!.ToString(), enforcement["reasons"]![0]!["decision"]!.ToString());
    }

    public static TheoryData<string, string> BadItems => new()
    {
        { """{"account": "{account}", "type": "request", "at": "{now}"}""", "id: required" },
        { """{"id": "{id}", "type": "request", "at": "{now}"}""", "account: required" },
        { """{"id": "{id}", "account": "{account}", "type": "requests", "at": "{now}"}""", "type: 'requests' is not a signal of the active catalog" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{now}", "attrs": {"payment": "card-1"}}""", "attrs.payment: not an attribute of 'request'" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{ahead}"}""", "is ahead of the server's clock by more than 5m" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{old}"}""", "is older than 7d" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "2026-02-20T12:00:00"}""", "at: '2026-02-20T12:00:00' is not an ISO-8601 time with a zone" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "yesterday"}""", "at: 'yesterday' is not an ISO-8601 time" },
        { """{"id": "{long}", "account": "{account}", "type": "request", "at": "{now}"}""", "id: longer than 128 characters" },
        { """{"id": "{id}", "account": "{long}", "type": "request", "at": "{now}"}""", "account: longer than 128 characters" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{now}", "attrs": {"ip_prefix": "{verylong}"}}""", "attrs.ip_prefix: longer than 256 characters" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{now}", "attrs": {"ip_prefix": 42}}""", "attrs.ip_prefix: a string is expected" },
        { """{"id": "{id}", "account": "{account}", "type": "capability", "value": "poetry", "at": "{now}"}""", "value: 'poetry' is not a value of 'capability'" },
        { """{"id": "{id}", "account": "{account}", "type": "capability", "value": 1, "at": "{now}"}""", "value: 'capability' is a category signal" },
        { """{"id": "{id}", "account": "{account}", "type": "cot_elicitation", "value": 1.5, "at": "{now}"}""", "value: 'cot_elicitation' is a score: its value lies in 0..1" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "value": "many", "at": "{now}"}""", "value: 'request' is a count signal: its value is a number" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "value": [1], "at": "{now}"}""", "value: a number, or a string for a category signal, is expected" },
        { """{"id": "{id}", "account": "{account}", "type": "request", "at": "{now}", "acount": "typo"}""", "'acount' is not a field of a signal" },
        { "\"just a string\"", "the item is a JSON string, not an object" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Rejects_a_bad_item_with_its_reason_and_takes_the_rest(string item, string reason)
    {
        var account = Signal.Unique("bad");
        var now = Signal.Now;
        var bad = JsonNode.Parse(item
            .Replace("{id}", Signal.Unique("bad-id"), StringComparison.Ordinal)
            .Replace("{account}", account, StringComparison.Ordinal)
            .Replace("{now}", Signal.Time(now.AddMinutes(-1)), StringComparison.Ordinal)
            .Replace("{ahead}", Signal.Time(now.AddMinutes(10)), StringComparison.Ordinal)
            .Replace("{old}", Signal.Time(now.AddDays(-8)), StringComparison.Ordinal)
            .Replace("{verylong}", new string('x', 257), StringComparison.Ordinal)
            .Replace("{long}", new string('x', 129), StringComparison.Ordinal))!;
        var good = Signal.Request(Signal.Unique("good"), account, now.AddMinutes(-1));

        var answer = await PostAsync(Signal.Batch(good, bad, good));

        Assert.Equal(1, (int)answer["accepted"]!);
        Assert.Equal(1, (int)answer["duplicates"]!);
        var rejected = Assert.Single(answer["rejected"]!.AsArray())!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Contains(reason, rejected["reason"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_an_id_sent_twice_in_one_batch_with_other_content()
    {
        var account = Signal.Unique("twice");
        var at = Signal.Now.AddMinutes(-1);
        var first = Signal.Request("same-" + account, account, at);
        var other = Signal.Request("same-" + account, account, at.AddSeconds(1));

        var answer = await PostAsync(Signal.Batch(first, other));

        Assert.Equal(1, (int)answer["accepted"]!);
        var rejected = Assert.Single(answer["rejected"]!.AsArray())!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Equal("same-" + account, rejected["id"]!.ToString());
        Assert.Contains("also at index 0", rejected["reason"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_batch_twice_is_all_duplicates_the_second_time_with_no_new_decisions_or_audit_records()
    {
        var account = Signal.Unique("again");
        var at = Signal.Now.AddMinutes(-5);
        var batch = Signal.Batch(Enumerable.Range(0, 4).Select(i => Signal.Request($"{account}-{i}", account, at.AddSeconds(i))));
        var first = await PostAsync(batch);
        var auditBefore = await Http.GetAsync(host.Client("reviewer"), $"/v1/accounts/{account}/audit");

        var second = await PostAsync(batch);

        Assert.Equal(4, (int)first["accepted"]!);
        Assert.Single(first["decisions"]!.AsArray());
        Assert.Equal(0, (int)second["accepted"]!);
        Assert.Equal(4, (int)second["duplicates"]!);
        Assert.Empty(second["rejected"]!.AsArray());
        Assert.Empty(second["decisions"]!.AsArray());
        var auditAfter = await Http.GetAsync(host.Client("reviewer"), $"/v1/accounts/{account}/audit");
        Assert.Equal(auditBefore["records"]!.AsArray().Count, auditAfter["records"]!.AsArray().Count);
        Assert.Single(auditAfter["records"]!.AsArray());
    }

    [Fact]
    public async Task Rejects_an_id_reused_in_a_later_batch_with_other_content()
    {
        var account = Signal.Unique("reuse");
        var at = Signal.Now.AddMinutes(-2);
        await PostAsync(Signal.Batch(Signal.Request("reused-" + account, account, at)));

        var answer = await PostAsync(Signal.Batch(Signal.Request("reused-" + account, account, at, ipPrefix: "198.51.100.0/24")));

        Assert.Equal(0, (int)answer["accepted"]!);
        Assert.Equal(0, (int)answer["duplicates"]!);
        var rejected = Assert.Single(answer["rejected"]!.AsArray())!;
        Assert.Equal(0, (int)rejected["index"]!);
        Assert.Equal("reused-" + account, rejected["id"]!.ToString());
        Assert.False(string.IsNullOrWhiteSpace(rejected["reason"]!.ToString()));
    }

    [Fact]
    public async Task Rejected_items_are_listed_by_index_across_accounts()
    {
        var at = Signal.Now.AddMinutes(-1);
        var a = Signal.Unique("order-a");
        var b = Signal.Unique("order-b");
        var batch = Signal.Batch(
            Signal.Request(a + "-0", a, at),
            new JsonObject { ["id"] = b + "-1", ["account"] = b, ["type"] = "nope" },
            Signal.Request(b + "-2", b, at),
            new JsonObject { ["id"] = a + "-3", ["account"] = a, ["type"] = "nope" });

        var answer = await PostAsync(batch);

        Assert.Equal(2, (int)answer["accepted"]!);
        Assert.Equal([1, 3], answer["rejected"]!.AsArray().Select(r => (int)r!["index"]!));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_a_400_problem_and_nothing_is_taken()
    {
        var account = Signal.Unique("big");
        var at = Signal.Now.AddMinutes(-1);
        var batch = Signal.Batch(Enumerable.Range(0, HostFixture.MaxBatch + 1).Select(i => Signal.Request($"{account}-{i}", account, at)));

        using var response = await Http.SendAsync(Automation, "POST", "/v1/signals", batch);

        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains($"at most {HostFixture.MaxBatch}", problem["errors"]!["signals"]![0]!.ToString(), StringComparison.Ordinal);
        var view = await Http.GetAsync(host.Client("reviewer"), $"/v1/accounts/{account}");
        Assert.Equal(0, (long)view["signals"]!);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        var body = new StringBuilder("{\"signals\": [");
        while (body.Length <= HostFixture.MaxBodyBytes)
            body.Append("{\"id\": \"padding\", \"account\": \"padding\", \"type\": \"request\"},");
        body.Append("{}]}");

        using var response = await Http.SendAsync(Automation, "POST", "/v1/signals", body.ToString());

        await Http.ProblemAsync(response, 413);
    }

    [Theory]
    [InlineData("{\"signals\": [", "not the expected JSON")]
    [InlineData("{\"signals\": 5}", "not the expected JSON")]
    [InlineData("[]", "not the expected JSON")]
    public async Task A_malformed_body_is_a_400_problem(string body, string detail)
    {
        using var response = await Http.SendAsync(Automation, "POST", "/v1/signals", body);
        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains(detail, problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_signals_is_a_400_problem_keyed_signals()
    {
        using var response = await Http.SendAsync(Automation, "POST", "/v1/signals", "{\"items\": []}");
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]!["signals"]);
    }

    [Fact]
    public async Task An_item_without_a_time_takes_the_servers_and_a_count_without_a_value_counts_one()
    {
        var account = Signal.Unique("defaults");
        var items = Enumerable.Range(0, 3).Select(i => new JsonObject { ["id"] = $"{account}-{i}", ["account"] = account, ["type"] = "request" });

        var answer = await PostAsync(Signal.Batch(items));

        Assert.Equal(3, (int)answer["accepted"]!);
        var decision = Assert.Single(answer["decisions"]!.AsArray())!;
        var at = DateTimeOffset.Parse(decision["at"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, Signal.Now.AddMinutes(-1), Signal.Now.AddSeconds(1));
        Assert.EndsWith("Z", decision["at"]!.ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> PostAsync(JsonObject batch) =>
        (await Http.ExpectAsync(Automation, "POST", "/v1/signals", 200, batch)).AsObject();
}
