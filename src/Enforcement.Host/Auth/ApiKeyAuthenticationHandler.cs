using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>. A missing or unknown key is a 401, a key whose role may not call the
/// endpoint a 403, both as problem+json.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'."));
        var caller = keys.Find(header[Bearer.Length..].Trim());
        if (caller is null)
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, caller.Name), new Claim(ClaimTypes.Role, caller.Role)],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "An API key is required.",
            Detail = result.Failure?.Message ?? "Send 'Authorization: Bearer <api key>'.",
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "The key's role may not do this.",
            Detail = $"A key with the role '{role}' may not call {Request.Method} {Request.Path}.",
        });
    }

    private async Task WriteAsync(ProblemDetails problem) =>
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
