using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

public class YamlErrorTests
{
    [Fact]
    public void An_empty_file_is_an_error_at_its_start() =>
        Assert.Equal(["p.yaml:1:1: the file is empty: expected a mapping with apiVersion and kind"], PolicyErrors(""));

    [Fact]
    public void A_file_of_only_comments_is_empty() =>
        Assert.Equal(["p.yaml:1:1: the file is empty: expected a mapping with apiVersion and kind"], PolicyErrors("# nothing yet\n\n"));

    [Fact]
    public void A_file_that_is_a_list_is_not_a_policy() =>
        Assert.Equal(["p.yaml:2:1: the file must be a mapping with apiVersion and kind, but is a list"], PolicyErrors("# a list\n- id: x\n"));

    [Fact]
    public void A_file_that_is_one_word_is_not_a_policy() =>
        Assert.Equal(["p.yaml:1:1: the file must be a mapping with apiVersion and kind, but is a single value"], PolicyErrors("policy\n"));

    [Fact]
    public void A_tab_in_indentation_is_reported_at_the_tab()
    {
        var text = MinimalWith("  - observe", "\t- observe");

        Assert.Equal(["p.yaml:11:1: tab character in indentation: YAML indents with spaces"], PolicyErrors(text));
    }

    [Fact]
    public void A_tab_in_a_nested_mapping_is_reported_at_the_tab_not_where_the_mapping_starts()
    {
        var text = MinimalWith("  - observe", "  - throttle:\n\t\trpm: 20");

        Assert.Equal(["p.yaml:12:1: tab character in indentation: YAML indents with spaces"], PolicyErrors(text));
    }

    [Fact]
    public void A_colon_in_a_plain_value_says_to_quote_it()
    {
        var text = MinimalWith("title: Minimal", "title: Minimal: the sequel");

        Assert.Equal(
            ["p.yaml:5:15: YAML syntax error: unexpected ':' after a value: quote a value that contains ': ', or indent a nested mapping on its own line"],
            PolicyErrors(text));
    }

    [Fact]
    public void An_unclosed_flow_mapping_says_what_closes_it()
    {
        var text = MinimalPolicy + "cooldown: { for: 1h\n";

        Assert.Equal(["p.yaml:13:1: YAML syntax error: a '{' mapping is not closed: expected ',' or '}'"], PolicyErrors(text));
    }

    [Fact]
    public void A_key_out_of_line_is_a_bad_indentation()
    {
        var text = MinimalWith("  - observe", "  - throttle:\n      rpm: 20\n     for: 6h");

        Assert.Equal(["p.yaml:13:6: YAML syntax error: expected a key here, lined up with the keys above: check the indentation"], PolicyErrors(text));
    }

    [Fact]
    public void A_character_that_cannot_start_a_value_is_named()
    {
        var text = MinimalWith("owner: tests", "owner: @tests");

        Assert.Equal(["p.yaml:6:8: YAML syntax error: '@' cannot start a plain value: put the value in quotes"], PolicyErrors(text));
    }

    [Fact]
    public void An_unterminated_quote_is_reported()
    {
        var text = MinimalPolicy + "description: 'never closed\n";

        Assert.Equal(["p.yaml:12:14: YAML syntax error: the file ends inside a quoted value: a closing quote is missing"], PolicyErrors(text));
    }

    [Fact]
    public void Every_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var text = MinimalWith("owner: tests", "owner: tests\nowner: others")
            .Replace("scope: account", "scope: account\nscope: payment", StringComparison.Ordinal);

        Assert.Equal(
            [
                "p.yaml:7:1: duplicate key 'owner': first given at line 6",
                "p.yaml:10:1: duplicate key 'scope': first given at line 9",
            ],
            PolicyErrors(text));
    }

    [Fact]
    public void A_second_document_in_a_file_is_an_error()
    {
        var text = MinimalPolicy + "---\nid: other\n";

        Assert.Equal(["p.yaml:12:1: a second YAML document: a file holds exactly one"], PolicyErrors(text));
    }

    [Fact]
    public void An_alias_without_its_anchor_is_an_error()
    {
        var text = MinimalWith("owner: tests", "owner: *team");

        Assert.Equal(["p.yaml:6:8: alias '*team' refers to no anchor defined before it"], PolicyErrors(text));
    }

    [Fact]
    public void An_alias_reads_as_the_value_of_its_anchor()
    {
        var text = MinimalWith("title: Minimal", "title: &name Minimal").Replace("owner: tests", "owner: *name", StringComparison.Ordinal);

        var policy = Assert.Single(LoadPolicy(text).Policies);

        Assert.Equal("Minimal", policy.Owner);
    }

    [Fact]
    public void Aliases_that_expand_beyond_reason_are_an_error_not_a_hang()
    {
        var bomb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");

        Assert.Equal(["p.yaml:1:1: the document expands through aliases to more than 100000 nodes"], PolicyErrors(bomb.ToString()));
    }

    [Fact]
    public void Nesting_beyond_reason_is_an_error_not_a_crash()
    {
        var text = "a: " + new string('[', 1_000) + new string(']', 1_000) + "\n";

        var errors = PolicyErrors(text);

        Assert.Contains("p.yaml:1:67: nested more than 64 levels deep", errors);
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_columns()
    {
        var text = "\uFEFF" + MinimalWith("severity: low", "severity: lo");

        Assert.Equal(["p.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'lo'"], PolicyErrors(text));
    }
}
