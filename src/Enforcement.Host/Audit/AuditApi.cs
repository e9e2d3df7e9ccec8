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
            .ProducesValidationProblem()
            .WithSummary("An account's decisions with explanations and evidence, paged by sequence: pass 'next' back as 'after'.")
            .RequireAuthorization(Roles.Reviewer);
        var audit = endpoints.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Reviewer);
        audit.MapGet("/digest", TakeDigestAsync)
            .WithName("TakeDigest")
            .WithSummary("A digest of every chain now: saved in the store and written under <DataDir>/digests/ for an operator to keep elsewhere.");
        audit.MapPost("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .ProducesValidationProblem()
            .WithSummary("Verifies every chain, or one subject's, against the latest saved digest.");
        return endpoints;
    }

    private static async Task<Ok<TimelineAnswer>> GetTimelineAsync(string id, string? after, int? limit, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAccountTimeline(id, after, limit), cancellationToken));

    private static async Task<Ok<DigestView>> TakeDigestAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new TakeDigest(), cancellationToken));

    private static async Task<Ok<VerificationAnswer>> VerifyAsync(VerifyBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new VerifyAudit(body.Subject), cancellationToken));
}
