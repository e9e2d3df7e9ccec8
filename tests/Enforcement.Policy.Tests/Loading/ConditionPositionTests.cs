using Enforcement.Policy.Definitions;
using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>
/// Every character of a <c>when</c> keeps its place in the file, however YAML wrote the value, so that a problem the
/// expression checker finds at an offset is reported at the right line and column.
/// </summary>
public class ConditionPositionTests
{
    /// <summary>Loads the minimal policy with its <c>when</c> (line 9) written as <paramref name="when"/>.</summary>
    private static ConditionText When(string when)
    {
        var result = LoadPolicy(MinimalWith("when: count(request, 1h) > 0", when));
        Assert.Empty(result.Errors);
        return Assert.Single(result.Policies).When;
    }

    private static string PositionOf(ConditionText when, string token, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
            offset = when.Text.IndexOf(token, offset + 1, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{token}' is not in '{when.Text}'");
        return when.At(offset).ToString();
    }

    [Fact]
    public void A_plain_value_on_one_line_maps_each_character_to_its_column()
    {
        var when = When("when: count(request, 1h) > 0");

        Assert.Equal("count(request, 1h) > 0", when.Text);
        Assert.Equal("p.yaml:9:7", PositionOf(when, "count"));
        Assert.Equal("p.yaml:9:13", PositionOf(when, "request"));
        Assert.Equal("p.yaml:9:28", PositionOf(when, "0"));
    }

    [Fact]
    public void Past_the_end_is_just_after_the_last_character() =>
        Assert.Equal("p.yaml:9:29", When("when: count(request, 1h) > 0").At(int.MaxValue).ToString());

    [Fact]
    public void A_plain_value_over_several_lines_maps_continuations_to_their_lines()
    {
        var when = When("when: count(request, 1h) > 0\n  && avg(cot_elicitation, 1h) > 0.5\n     || account.verified");

        Assert.Equal("count(request, 1h) > 0 && avg(cot_elicitation, 1h) > 0.5 || account.verified", when.Text);
        Assert.Equal("p.yaml:10:3", PositionOf(when, "&&"));
        Assert.Equal("p.yaml:10:6", PositionOf(when, "avg"));
        Assert.Equal("p.yaml:11:6", PositionOf(when, "||"));
        Assert.Equal("p.yaml:11:9", PositionOf(when, "account"));
    }

    [Fact]
    public void A_folded_value_maps_each_line_to_its_place_and_drops_the_final_line_break()
    {
        var when = When("when: >\n  count(request, 1h) >= 200 &&\n    avg(cot_elicitation, 1h) >= 0.8\n  && account.age < 30d\n");

        Assert.Equal("count(request, 1h) >= 200 &&\n  avg(cot_elicitation, 1h) >= 0.8\n&& account.age < 30d", when.Text);
        Assert.Equal("p.yaml:10:3", PositionOf(when, "count"));
        Assert.Equal("p.yaml:11:5", PositionOf(when, "avg"));
        Assert.Equal("p.yaml:12:3", PositionOf(when, "&&", occurrence: 1));
        Assert.Equal("p.yaml:12:20", PositionOf(when, "30d"));
        Assert.Equal("p.yaml:12:23", when.At(when.Text.Length).ToString());
    }

    [Fact]
    public void A_folded_value_joins_lines_with_a_space_that_maps_to_the_line_break()
    {
        var when = When("when: >-\n  count(request, 1h) >= 200\n  && account.age < 30d\n");

        Assert.Equal("count(request, 1h) >= 200 && account.age < 30d", when.Text);
        Assert.Equal("p.yaml:10:28", PositionOf(when, " &&"));
        Assert.Equal("p.yaml:11:3", PositionOf(when, "&&"));
    }

    [Fact]
    public void A_literal_value_keeps_its_line_breaks_in_place()
    {
        var when = When("when: |  # the trigger\n  count(request, 1h) >= 200\n  && account.verified\n");

        Assert.Equal("count(request, 1h) >= 200\n&& account.verified", when.Text);
        Assert.Equal("p.yaml:10:3", PositionOf(when, "count"));
        Assert.Equal("p.yaml:10:28", PositionOf(when, "\n"));
        Assert.Equal("p.yaml:11:3", PositionOf(when, "&&"));
        Assert.Equal("p.yaml:11:6", PositionOf(when, "account"));
    }

    [Fact]
    public void A_double_quoted_value_maps_escapes_to_their_backslash()
    {
        var when = When("when: \"share(capability, \\\"coding\\\", 1h) > 0.5\"");

        Assert.Equal("share(capability, \"coding\", 1h) > 0.5", when.Text);
        Assert.Equal("p.yaml:9:8", PositionOf(when, "share"));
        Assert.Equal("p.yaml:9:26", PositionOf(when, "\""));
        Assert.Equal("p.yaml:9:28", PositionOf(when, "coding"));
        Assert.Equal("p.yaml:9:36", PositionOf(when, ", 1h"));
    }

    [Fact]
    public void A_single_quoted_value_over_two_lines_maps_doubled_quotes_and_the_second_line()
    {
        var when = When("when: 'account.tier == ''free''\n  && count(request, 1h) > 0'");

        Assert.Equal("account.tier == 'free' && count(request, 1h) > 0", when.Text);
        Assert.Equal("p.yaml:9:24", PositionOf(when, "'free"));
        Assert.Equal("p.yaml:9:26", PositionOf(when, "free"));
        Assert.Equal("p.yaml:10:3", PositionOf(when, "&&"));
        Assert.Equal("p.yaml:10:6", PositionOf(when, "count("));
    }

    [Fact]
    public void Windows_line_endings_do_not_shift_positions()
    {
        var text = MinimalWith("when: count(request, 1h) > 0", "when: >\n  count(request, 1h) >= 200\n  && account.verified").Replace("\n", "\r\n", StringComparison.Ordinal);

        var when = Assert.Single(LoadPolicy(text).Policies).When;

        Assert.Equal("count(request, 1h) >= 200 && account.verified", when.Text);
        Assert.Equal("p.yaml:10:3", PositionOf(when, "count"));
        Assert.Equal("p.yaml:11:3", PositionOf(when, "&&"));
    }

    [Fact]
    public void Every_character_has_a_position()
    {
        var when = Assert.Single(LoadPolicy(DesignPolicy).Policies).When;

        Assert.Equal(when.Text.Length, when.Lines.Length);
        Assert.Equal(when.Text.Length, when.Columns.Length);
        Assert.Equal("p.yaml", when.File);
        Assert.All(when.Lines, line => Assert.Equal(11, line));
        Assert.Equal(Enumerable.Range(3, when.Text.Length), when.Columns);
    }
}
