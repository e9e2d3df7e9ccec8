using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Auth;

public static class CallerApi
{
    /// <summary><c>GET /v1/me</c>: whose key this is, for any valid key. The console shows it and checks a key with it.</summary>
    public static IEndpointRouteBuilder MapCallerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/me", GetCaller)
            .WithTags("Callers")
            .WithName("GetCaller")
            .WithSummary("The name and role of the key's holder.")
            .RequireAuthorization();
        return endpoints;
    }

    private static Ok<Caller> GetCaller(ClaimsPrincipal user) =>
        TypedResults.Ok(new Caller(user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
