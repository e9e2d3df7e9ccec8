using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enforcement.Host.OpenApi;

/// <summary>Describes the API key scheme, and on each operation that needs a key, the role that may call it.</summary>
internal sealed class BearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Scheme,
            Description = "An API key: 'Authorization: Bearer <key>'. Each key has a role (automation, policy-author, reviewer, admin); admin may call everything. Missing or unknown key: 401; wrong role: 403.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var roles = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (roles.Count == 0)
            return Task.CompletedTask;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or one that is not known (problem+json)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's role may not call this endpoint (problem+json)." });
        var note = $"Role: {string.Join(", ", roles)} (or admin).";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + " " + note;
        return Task.CompletedTask;
    }
}
