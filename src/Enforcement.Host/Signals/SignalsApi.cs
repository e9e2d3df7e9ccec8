using Enforcement.Host.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Signals;

public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/signals", IngestAsync)
            .WithTags("Signals")
            .WithName("IngestSignals")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Takes a batch of signals; idempotent by id. Answers accepted, duplicates, rejected items with reasons, and the decisions taken.")
            .RequireAuthorization(Roles.Automation);
        return endpoints;
    }

    private static async Task<Ok<SignalsAnswer>> IngestAsync(IngestSignals batch, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(batch, cancellationToken));
}
