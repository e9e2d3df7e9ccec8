using Enforcement.Host.Auth;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Signals;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Accounts;

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/v1/accounts/{id}").WithTags("Accounts").ProducesValidationProblem();
        accounts.MapGet("", GetAsync)
            .WithName("GetAccount").WithSummary("Profile, enforcement, rungs and linked entities of an account.")
            .RequireAuthorization(Roles.Reviewer);
        accounts.MapPut("/profile", UpdateProfileAsync)
            .WithName("UpdateProfile").WithSummary("What account.* reads in conditions; fields left out keep their value.")
            .RequireAuthorization(Roles.Automation);
        accounts.MapPost("/challenge", ReportChallengeAsync)
            .WithName("ReportChallenge").WithSummary("The identity system reports a challenge passed or failed.")
            .RequireAuthorization(Roles.Automation);
        return endpoints;
    }

    private static async Task<Ok<AccountView>> GetAsync(string id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAccount(id), cancellationToken));

    private static async Task<NoContent> UpdateProfileAsync(string id, ProfileBody body, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new UpdateProfile(id, body.Created, body.Tier, body.Region, body.Verified), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IngestResult>> ReportChallengeAsync(string id, ChallengeBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReportChallenge(id, body.Id, body.Passed, body.Kind, body.At), cancellationToken));
}
