using Enforcement.Policy.Evaluation;

namespace Enforcement.Policy.Tests.Evaluation;

public sealed class ObservationsTests
{
    private static string Problem(string type, double value = 1, string? category = null, Dictionary<string, string>? attrs = null)
    {
        Assert.False(Observations.TryCreate(TestCatalog.Default, type, value, category, "a-1", 0, 0, attrs, out _, out var problem));
        return problem;
    }

    [Fact]
    public void Resolves_names_to_catalog_positions()
    {
        Assert.True(Observations.TryCreate(TestCatalog.Default, "capability", 1, "coding", "a-1", 0, 42, new Dictionary<string, string>(), out var observation, out _));

        Assert.Equal(2, observation.Signal);
        Assert.Equal(2, observation.Category);
        Assert.Equal(42, observation.At);
    }

    [Fact]
    public void Places_attributes_at_their_catalog_index()
    {
        Assert.True(Observations.TryCreate(TestCatalog.Default, "request", 1, null, "a-1", 0, 0, new Dictionary<string, string> { ["proxy"] = "px-1" }, out var observation, out _));

        Assert.Equal("px-1", observation.Attributes![TestCatalog.Default.AttributeIndex("proxy")]);
    }

    [Fact]
    public void Rejects_what_the_catalog_does_not_declare_and_says_what_it_does()
    {
        Assert.Equal("unknown signal type 'requests': the catalog declares request, cot_elicitation, capability, output_tokens, payment, challenge_failed", Problem("requests"));
        Assert.Equal("'capability' is a category signal: expected a value among chat, reasoning, coding, tool_use, vision, other, not 'gpu'", Problem("capability", category: "gpu"));
        Assert.Equal("'cot_elicitation' is a score: expected a value from 0 to 1, not 1.5", Problem("cot_elicitation", 1.5));
        Assert.Equal("'request' is a count signal: expected a number, not 'x'", Problem("request", category: "x"));
        Assert.Equal("'cot_elicitation' does not carry attribute 'proxy': expected one of none", Problem("cot_elicitation", 0.5, attrs: new() { ["proxy"] = "p" }));
        Assert.Equal("'output_tokens': expected a finite number", Problem("output_tokens", double.PositiveInfinity));
    }
}
