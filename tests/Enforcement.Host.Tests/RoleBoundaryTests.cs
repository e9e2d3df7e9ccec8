using System.Text.Json.Nodes;

namespace Enforcement.Host.Tests;

/// <summary>Every endpoint: 401 without a key and with an unknown one, 403 for a role it does not admit, and admin let through.</summary>
[Collection(SharedHost.Name)]
public sealed class RoleBoundaryTests(HostFixture host)
{
    /// <summary>Each endpoint with a body it accepts, the role it is for, and a role it refuses.</summary>
    public static TheoryData<string, string, string?, string> Endpoints => new()
    {
        { "POST", "/v1/signals", """{"signals": []}""", "reviewer" },
        { "GET", "/v1/accounts/roles-1/enforcement", null, "reviewer" },
        { "PUT", "/v1/accounts/roles-1/profile", """{"tier": "free"}""", "policy-author" },
        { "POST", "/v1/accounts/roles-1/challenge", """{"id": "roles-challenge-1", "passed": true, "kind": "identity"}""", "reviewer" },
        { "GET", "/v1/enforcement/changes", null, "reviewer" },
        { "GET", "/v1/accounts/roles-1", null, "automation" },
        { "GET", "/v1/accounts/roles-1/audit", null, "automation" },
        { "GET", "/v1/subjects/payment/roles-card", null, "automation" },
        { "GET", "/v1/cases", null, "automation" },
        { "GET", "/v1/policies/quality", null, "automation" },
        { "GET", "/v1/audit/digest", null, "policy-author" },
        { "POST", "/v1/audit/verify", "{}", "automation" },
        { "GET", "/v1/policies", null, "automation" },
        { "PUT", "/v1/policies", PolicyBody(), "reviewer" },
        { "POST", "/v1/policies/validate", PolicyBody(), "automation" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answers_401_without_a_key(string method, string path, string? body, string wrongRole)
    {
        _ = wrongRole;
        using var response = await Http.SendAsync(host.Client(null), method, path, body);
        var problem = await Http.ProblemAsync(response, 401);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.NotNull(problem["title"]);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answers_401_for_an_unknown_key(string method, string path, string? body, string wrongRole)
    {
        _ = wrongRole;
        using var response = await Http.SendAsync(host.ClientWithKey("not-a-key-anyone-was-given-0000"), method, path, body);
        var problem = await Http.ProblemAsync(response, 401);
        Assert.Contains("not known", problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answers_403_for_a_role_the_endpoint_does_not_admit(string method, string path, string? body, string wrongRole)
    {
        using var response = await Http.SendAsync(host.Client(wrongRole), method, path, body);
        var problem = await Http.ProblemAsync(response, 403);
        Assert.Contains(wrongRole, problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Lets_admin_call_it(string method, string path, string? body, string wrongRole)
    {
        _ = wrongRole;
        using var response = await Http.SendAsync(host.Client("admin"), method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} as admin answered {(int)response.StatusCode}: {text}");
    }

    [Fact]
    public async Task Refuses_an_authorization_header_that_is_not_bearer()
    {
        using var client = host.Client(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var response = await client.GetAsync("/v1/policies");
        var problem = await Http.ProblemAsync(response, 401);
        Assert.Contains("Bearer", problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    private static string PolicyBody() => new JsonObject { ["files"] = Http.Json(TestPack.Files) }.ToJsonString();
}
