using System.Security.Claims;
using Enforcement.Host.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Policies;

public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/v1/policies").WithTags("Policies").RequireAuthorization(Roles.PolicyAuthor);
        policies.MapGet("", GetAsync).WithName("GetPolicies").WithSummary("The active policy set with its version.");
        policies.MapPut("", PutAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName("PutPolicies").WithSummary("Replaces the whole policy set; 422 with every problem, and nothing changed, if it does not check.");
        policies.MapPost("/validate", ValidateAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName("ValidatePolicies").WithSummary("Checks a whole policy set; changes nothing.");
        return endpoints;
    }

    private static async Task<Ok<PolicySetView>> GetAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPolicies(), cancellationToken));

    private static async Task<Results<Ok<PolicySetAccepted>, ProblemHttpResult>> PutAsync(PolicySetBody body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(new ReplacePolicies(body.Files, user.Identity?.Name ?? ""), cancellationToken);
        return outcome.Accepted ? TypedResults.Ok(new PolicySetAccepted(outcome.Version, outcome.Hash!)) : Rejected(outcome);
    }

    private static async Task<Results<Ok<PolicySetChecked>, ProblemHttpResult>> ValidateAsync(PolicySetBody body, ISender sender, CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(new ValidatePolicies(body.Files), cancellationToken);
        return outcome.Accepted ? TypedResults.Ok(new PolicySetChecked(true, outcome.Hash!)) : Rejected(outcome);
    }

    private static ProblemHttpResult Rejected(PolicySetOutcome outcome) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The policy set was rejected; nothing changed.",
            detail: $"{outcome.Errors.Length} problem(s); each names its file, line and column.",
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
}

/// <summary>The answer of an accepted <c>PUT /v1/policies</c>.</summary>
public sealed record PolicySetAccepted(long Version, string Hash);

/// <summary>The answer of <c>POST /v1/policies/validate</c> for a set without problems.</summary>
public sealed record PolicySetChecked(bool Valid, string Hash);
