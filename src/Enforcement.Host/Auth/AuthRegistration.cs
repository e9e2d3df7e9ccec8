using Enforcement.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Auth;

public static class AuthRegistration
{
    /// <summary>
    /// API keys with roles. Every endpoint needs a key unless it says otherwise (health, metrics, the OpenAPI
    /// document); each role is a policy of its own name that admits that role and admin.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(provider => ApiKeyRing.Create(provider.GetRequiredService<IOptions<EnforcementOptions>>().Value));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, policy => policy.RequireRole(role == Roles.Admin ? [Roles.Admin] : [role, Roles.Admin]));
        foreach (var pair in Roles.Pairs)
            authorization.AddPolicy(pair, policy => policy.RequireRole([.. pair.Split('|'), Roles.Admin]));
        return services;
    }
}
