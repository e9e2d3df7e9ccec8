using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace Enforcement.Host.Web;

/// <summary>
/// Turns what a request can fail with into application/problem+json: a request failing its validator (400), a body
/// that is not JSON or not the expected shape (400), a body over the size limit (413), the runtime unavailable (503).
/// Anything else stays a 500 without details.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = "The body is larger than Enforcement:MaxBodyBytes allows; send smaller batches.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request is malformed.",
                Detail = Describe(bad),
            },
            RequestProblemException refused => new ProblemDetails
            {
                Status = refused.Status,
                Title = refused.Title,
                Detail = refused.Message,
            },
            OrleansException or TimeoutException => Unavailable(exception),
            _ => null,
        };
        if (problem is null)
            return false;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            LogUnavailable(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Unavailable(Exception exception) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The runtime did not answer in time.",
        Detail = $"{exception.GetType().Name}: the request may be sent again; signal ids make it idempotent.",
    };

    /// <summary>The JSON reader's message says where the body went wrong; the framework's wrapper only that it did.</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? $"The body is not the expected JSON: {json.Message}" : bad.Message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The runtime did not answer a request to {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
