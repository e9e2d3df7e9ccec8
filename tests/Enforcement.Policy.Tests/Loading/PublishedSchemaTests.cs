using System.Text.Json;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Loading;
using Json.Schema;
using Vocabulary = Enforcement.Policy.Loading.Vocabulary;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>
/// The JSON Schemas published for editors agree with the loader: every policy file in the repository and every
/// valid sample matches its schema (and loads), and broken samples are rejected by both.
/// </summary>
public class PublishedSchemaTests
{
    private static readonly Lazy<JsonSchema> PolicySchema = new(() => Schema("policy.schema.json"));
    private static readonly Lazy<JsonSchema> CatalogSchema = new(() => Schema("signal-catalog.schema.json"));

    public static TheoryData<string> RepositoryAndValidSampleFiles() =>
        [.. RepositoryPaths.YamlFilesUnder(RepositoryPaths.Policies)
            .Concat(RepositoryPaths.YamlFilesUnder(Path.Combine(RepositoryPaths.Samples, "Valid")))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))];

    public static TheoryData<string> BrokenSampleFiles() =>
        [.. RepositoryPaths.YamlFilesUnder(Path.Combine(RepositoryPaths.Samples, "Broken")).Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))];

    private static JsonSchema Schema(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, file)));

    /// <summary>The schema a file declares itself for by its kind; the policy schema rejects anything else.</summary>
    private static JsonSchema SchemaFor(JsonElement instance) =>
        instance.ValueKind == JsonValueKind.Object
        && instance.TryGetProperty("kind", out var kind)
        && kind.ValueKind == JsonValueKind.String
        && kind.GetString() == "SignalCatalog"
            ? CatalogSchema.Value
            : PolicySchema.Value;

    private static IReadOnlyList<string> SchemaErrors(string relativePath)
    {
        var instance = YamlToJson.Convert(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));
        var results = SchemaFor(instance).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid")];
    }

    [Fact]
    public void There_are_valid_files_to_check() =>
        Assert.True(RepositoryAndValidSampleFiles().Count >= 4);

    [Theory]
    [MemberData(nameof(RepositoryAndValidSampleFiles))]
    public void A_policy_or_catalog_file_matches_its_schema(string file) =>
        Assert.Empty(SchemaErrors(file));

    [Theory]
    [MemberData(nameof(BrokenSampleFiles))]
    public void A_broken_sample_is_rejected_by_its_schema(string file) =>
        Assert.NotEmpty(SchemaErrors(file));

    [Theory]
    [MemberData(nameof(BrokenSampleFiles))]
    public void A_broken_sample_is_rejected_by_the_loader(string file)
    {
        var broken = new PolicySource(Path.GetFileName(file), File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)));
        var catalog = new PolicySource("signals.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "Valid", "signals.yaml")));
        // A broken catalog stands in for the catalog; a broken policy is loaded beside a valid one.
        PolicySource[] sources = broken.Text.Contains("kind: SignalCatalog", StringComparison.Ordinal) ? [broken] : [catalog, broken];

        var result = PolicyLoader.Load(sources);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(broken.File, e.At.File));
    }

    [Fact]
    public void The_valid_samples_load_as_one_set()
    {
        var result = PolicyLoader.Load(PolicyLoader.ReadDirectory(Path.Combine(RepositoryPaths.Samples, "Valid")));

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["distillation.cot-elicitation", "distillation.payment-ring", "distillation.template-reuse"],
            result.Policies.Select(p => p.Id));
    }

    [Fact]
    public void The_repository_policy_pack_loads_when_there_is_one()
    {
        if (!RepositoryPaths.YamlFilesUnder(RepositoryPaths.Policies).Any())
            return;

        Assert.Empty(PolicyLoader.Load(PolicyLoader.ReadDirectory(RepositoryPaths.Policies)).Errors);
    }

    [Theory]
    [InlineData("policy.schema.json", "https://enforcement.dev/schema/v1/policy.schema.json")]
    [InlineData("signal-catalog.schema.json", "https://enforcement.dev/schema/v1/signal-catalog.schema.json")]
    public void Each_schema_is_a_valid_draft_2020_12_schema_with_its_id(string file, string id)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, file)));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(id, document.RootElement.GetProperty("$id").GetString());
        Assert.True(MetaSchemas.Draft202012.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void The_schema_enums_spell_what_the_loader_accepts()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "policy.schema.json")));
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "signal-catalog.schema.json")));
        static string[] Enum(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
        var properties = policy.RootElement.GetProperty("properties");
        var definitions = policy.RootElement.GetProperty("$defs");

        Assert.Equal(Scopes.Names, Enum(properties.GetProperty("scope")));
        Assert.Equal(Vocabulary.Severities, Enum(properties.GetProperty("severity")));
        Assert.Equal(Vocabulary.Modes, Enum(properties.GetProperty("mode")));
        Assert.Equal(Vocabulary.Priorities, Enum(definitions.GetProperty("escalate").GetProperty("properties").GetProperty("priority")));
        Assert.Equal(Vocabulary.States, Enum(definitions.GetProperty("expectation").GetProperty("properties").GetProperty("state")));
        Assert.Equal(Vocabulary.Actions, Enum(definitions.GetProperty("expectation").GetProperty("properties").GetProperty("action")));
        Assert.Equal(Vocabulary.SignalKinds, Enum(catalog.RootElement.GetProperty("$defs").GetProperty("signal").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(SignalCatalog.LinkageKeys, Enum(catalog.RootElement.GetProperty("$defs").GetProperty("linkageKey")));
    }
}
