namespace Enforcement.Host.Tests;

/// <summary><c>GET /v1/subjects/{scope}/{key}</c> and the linked entities of an account, through real HTTP.</summary>
[Collection(SharedHost.Name)]
public sealed class SubjectTests(HostFixture host)
{
    private HttpClient Reviewer => host.Client("reviewer");

    [Fact]
    public async Task An_address_range_with_its_slash_reads_as_one_entity()
    {
        var subject = await Http.GetAsync(Reviewer, "/v1/subjects/ip_prefix/198.51.100.0/24");

        Assert.Equal("ip_prefix:198.51.100.0/24", subject["subject"]!["subject"]!.ToString());
        Assert.Equal("ip_prefix", subject["subject"]!["scope"]!.ToString());
        Assert.Empty(subject["decisions"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_scope_is_a_400_problem_naming_the_scopes()
    {
        using var response = await Reviewer.GetAsync("/v1/subjects/account/a-1");
        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("prompt_template", problem["errors"]!["scope"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_lists_the_entities_its_signals_carried()
    {
        var account = Signal.Unique("linked");
        await Http.ExpectAsync(host.Client("automation"), "POST", "/v1/signals", 200,
            Signal.Batch(Signal.Request(Signal.Unique("s"), account, Signal.Now, ipPrefix: "192.0.2.0/24")));

        var view = await Http.GetAsync(Reviewer, $"/v1/accounts/{account}");

        Assert.Contains("ip_prefix:192.0.2.0/24", view["linkedEntities"]!.AsArray().Select(e => e!.ToString()));
    }
}
