namespace Enforcement.Host.OpenApi;

public static class OpenApiRegistration
{
    public static IServiceCollection AddEnforcementOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurity>();
            options.AddOperationTransformer<BearerSecurity>();
            options.AddSchemaTransformer<SignalBatchSchema>();
        });
        return services;
    }

    /// <summary><c>/openapi/v1.json</c>, readable without a key so that a caller can learn how to get one.</summary>
    public static IEndpointRouteBuilder MapEnforcementOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        return endpoints;
    }
}
