using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;

namespace Enforcement.Host.Web;

public static class WebRegistration
{
    /// <summary>
    /// The HTTP edge: JSON as the wire contract writes it (camelCase, enums as strings, UTC times), every error as
    /// problem+json, requests as Mediator messages whose validators run before their handlers.
    /// </summary>
    public static IServiceCollection AddEnforcementWeb(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        // A body the framework cannot bind throws, so that ProblemExceptionHandler answers it like every other problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Validators read only options, the clock and the active policy set: one instance each serves every request.
        services.AddValidatorsFromAssemblyContaining<RequestValidationException>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors = [typeof(RequestValidation<,>)];
        });
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new UtcTimeConverter());
    }
}
