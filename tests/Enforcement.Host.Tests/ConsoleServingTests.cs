using System.Net;
using System.Net.Http.Headers;

namespace Enforcement.Host.Tests;

/// <summary>The reviewer console's files as the host serves them (the browser tests drive the console itself), and <c>GET /v1/me</c>.</summary>
[Collection(SharedHost.Name)]
public sealed class ConsoleServingTests(HostFixture host)
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    public async Task Serves_the_page_without_a_key_under_a_strict_content_security_policy(string path)
    {
        using var response = await host.Client(null).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/console/app.js\"></script>", html, StringComparison.Ordinal);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("decisions.js", "text/javascript")]
    [InlineData("console.css", "text/css")]
    public async Task Serves_its_modules_and_styles_with_their_media_types(string file, string mediaType)
    {
        using var response = await host.Client(null).GetAsync($"/console/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 100);
    }

    [Fact]
    public async Task A_browser_holding_the_current_file_is_answered_not_modified()
    {
        using var client = host.Client(null);
        using var first = await client.GetAsync("/console/app.js");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        again.Headers.IfNoneMatch.Add(tag);
        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("/console/nothing.js")]
    [InlineData("/console/..%2Fappsettings.json")]
    public async Task A_file_the_console_does_not_have_is_not_found(string path)
    {
        using var response = await host.Client(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("automation")]
    public async Task Me_names_the_holder_of_any_valid_key_and_its_role(string role)
    {
        var me = await Http.GetAsync(host.Client(role), "/v1/me");

        Assert.Equal($"test-{role}", me["name"]!.ToString());
        Assert.Equal(role, me["role"]!.ToString());
    }

    [Fact]
    public async Task Me_without_a_known_key_is_a_401_problem()
    {
        using var client = host.ClientWithKey("not-a-key-of-this-host");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.GetAsync("/v1/me");

        await Http.ProblemAsync(response, 401);
    }
}
