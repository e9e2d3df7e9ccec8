using Enforcement.Host.Signals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enforcement.Host.OpenApi;

/// <summary>
/// Describes the items of <c>POST /v1/signals</c>, which the host reads as raw JSON (so that a bad item is rejected
/// alone) and would otherwise appear untyped.
/// </summary>
internal sealed class SignalBatchSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(IngestSignals) || context.JsonPropertyInfo is not null)
            return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["signals"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Up to Enforcement:MaxBatch signals (10,000 by default). Each item is checked on its own; a bad item is listed in 'rejected' and the rest are taken.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string>(StringComparer.Ordinal) { "id", "account", "type" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = Text("Unique per signal: a retry with the same content is a duplicate, with other content a rejection."),
                    ["account"] = Text("The account the signal is about."),
                    ["type"] = Text("A signal of the active catalog (policies/signals.yaml)."),
                    ["value"] = new OpenApiSchema
                    {
                        Description = "A number (default 1), or for a category signal one of its values.",
                        OneOf = [new OpenApiSchema { Type = JsonSchemaType.Number }, new OpenApiSchema { Type = JsonSchemaType.String }],
                    },
                    ["at"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "date-time",
                        Description = "Event time with a zone; the server's time when left out. At most MaxClockSkew ahead, at most MaxSignalAge old.",
                    },
                    ["attrs"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
                        Description = "Linkage keys the catalog declares for the type (ip_prefix, proxy, device, prompt_template, payment, org, …).",
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
