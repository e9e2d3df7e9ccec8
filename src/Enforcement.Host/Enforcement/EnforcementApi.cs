using Enforcement.Host.Auth;
using Enforcement.Host.Configuration;
using Enforcement.Runtime.Accounts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Enforcement;

public static class EnforcementApi
{
    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/accounts/{id}/enforcement", GetEnforcementAsync)
            .WithTags("Enforcement")
            .WithName("GetEnforcement")
            .WithSummary("The hot path: an account's state, limits, challenge, until and reasons. An account never seen is 'allow', version 0.")
            .RequireAuthorization(Roles.Automation);
        endpoints.MapGet("/v1/enforcement/changes", ReadChangesAsync)
            .WithTags("Enforcement")
            .WithName("ReadChanges")
            .ProducesValidationProblem()
            .WithSummary("The resumable feed of enforcement state changes: pass 'next' back as 'after'.")
            .RequireAuthorization(Roles.Automation);
        return endpoints;
    }

    /// <summary>
    /// Asked once per gateway request, so it skips the Mediator pipeline (its one rule is checked here) and, when the
    /// account's grain is active on this silo, the grain call too: the grain's published snapshot answers.
    /// </summary>
    private static async Task<Results<Ok<EnforcementView>, ValidationProblem>> GetEnforcementAsync(string id, SiloEnforcementStates states, IOptions<EnforcementOptions> options)
    {
        if (id.Length > options.Value.MaxIdLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"An account id is at most {options.Value.MaxIdLength} characters."] });
        return TypedResults.Ok(await states.ReadAsync(id));
    }

    private static async Task<Ok<ChangesAnswer>> ReadChangesAsync(string? after, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReadChanges(after, limit), cancellationToken));
}
