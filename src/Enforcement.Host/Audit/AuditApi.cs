using Enforcement.Host.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/accounts/{id}/audit", GetTimelineAsync)
            .WithTags("Audit")
            .WithName("GetAccountTimeline")
            .WithSummary("An account's decisions with explanations and evidence, paged by sequence: pass 'next' back as 'after'.")
            .RequireAuthorization(Roles.Reviewer);
        return endpoints;
    }

    private static async Task<Ok<TimelineAnswer>> GetTimelineAsync(string id, string? after, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAccountTimeline(id, after, limit), cancellationToken));
}
