using Enforcement.Host.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Subjects;

public static class SubjectsApi
{
    public static IEndpointRouteBuilder MapSubjectsApi(this IEndpointRouteBuilder endpoints)
    {
        // The key is a catch-all: an ip_prefix value holds a slash (203.0.113.0/24).
        endpoints.MapGet("/v1/subjects/{scope}/{**key}", GetAsync)
            .WithTags("Subjects").ProducesValidationProblem()
            .WithName("GetSubject").WithSummary("An entity or cluster: members, conditions with their values, inherited actions, latest decisions.")
            .RequireAuthorization(Roles.Reviewer);
        return endpoints;
    }

    private static async Task<Ok<SubjectAnswer>> GetAsync(string scope, string key, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSubject(scope, key), cancellationToken));
}
