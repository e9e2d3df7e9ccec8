using System.Security.Claims;
using Enforcement.Host.Auth;
using Enforcement.Runtime.Cases;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Cases;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/appeals", AppealAsync)
            .WithTags("Cases").ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("OpenAppeal").WithSummary("A customer contests a decision: opens a case in the appeals queue (the same id again answers the same case).")
            .RequireAuthorization(Roles.AutomationOrReviewer);
        var cases = endpoints.MapGroup("/v1/cases").WithTags("Cases").ProducesValidationProblem().RequireAuthorization(Roles.Reviewer);
        cases.MapGet("", ListAsync)
            .WithName("ListCases").WithSummary("The queue: overdue first, then by priority and deadline; a page at a time (`limit`, then `after` = the page's `next`).");
        cases.MapGet("/{id}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCase").WithSummary("A case with the decisions it concerns, their explanation and evidence, and its history.");
        cases.MapPost("/{id}/claim", ClaimAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ClaimCase").WithSummary("A reviewer takes the case.");
        cases.MapPost("/{id}/decision", DecideAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DecideCase").WithSummary("Uphold or overturn, with a note; an overturn reverses the contested actions at once (four-eyes queues: a second reviewer confirms).");
        endpoints.MapGet("/v1/policies/quality", QualityAsync)
            .WithTags("Policies")
            .WithName("GetPolicyQuality").WithSummary("Per policy: decisions taken, appealed, overturned, upheld.")
            .RequireAuthorization(Roles.PolicyAuthorOrReviewer);
        return endpoints;
    }

    private static async Task<Results<Created<Case>, Ok<Case>>> AppealAsync(AppealBody body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var answer = await sender.Send(new OpenAppeal(body.Id, body.Account ?? "", body.Decision, body.Statement ?? "", body.Queue, body.Priority, Actor(user)), cancellationToken);
        return answer.Opened ? TypedResults.Created($"/v1/cases/{answer.Case.Id}", answer.Case) : TypedResults.Ok(answer.Case);
    }

    private static async Task<Ok<CaseList>> ListAsync(string? queue, string? status, string? account, int? limit, string? after, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListCases(queue, status, account, limit, after), cancellationToken));

    private static async Task<Ok<Case>> GetAsync(string id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCase(id), cancellationToken));

    private static async Task<Ok<Case>> ClaimAsync(string id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ClaimCase(id, Actor(user)), cancellationToken));

    private static async Task<Ok<Case>> DecideAsync(string id, DecisionBody body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DecideCase(id, Actor(user), body.Outcome ?? "", body.Note ?? ""), cancellationToken));

    private static async Task<Ok<PolicyQuality>> QualityAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPolicyQuality(), cancellationToken));

    /// <summary>The name the audit trail records: the API key's <c>Name</c>.</summary>
    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
}
