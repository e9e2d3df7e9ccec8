using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

public class CatalogErrorTests
{
    private static IReadOnlyList<string> ErrorsWith(string line, string replacement)
    {
        Assert.Contains(line, SignalsFile, StringComparison.Ordinal);
        return CatalogErrors(SignalsFile.Replace(line, replacement, StringComparison.Ordinal));
    }

    [Fact]
    public void A_signal_name_must_be_lower_snake_case() =>
        Assert.Equal(
            ["signals.yaml:7:11: 'name' must be lower_snake_case, like cot_elicitation, not 'CotElicitation'"],
            ErrorsWith("name: cot_elicitation", "name: CotElicitation"));

    [Fact]
    public void A_signal_declared_twice_is_reported_at_the_second() =>
        Assert.Equal(
            ["signals.yaml:7:11: duplicate signal 'request': first declared at line 4"],
            ErrorsWith("name: cot_elicitation", "name: request"));

    [Fact]
    public void A_signal_kind_must_be_known() =>
        Assert.Equal(
            ["signals.yaml:8:11: 'kind' must be one of count, score, number, flag, category, not 'scor'"],
            ErrorsWith("kind: score", "kind: scor"));

    [Fact]
    public void A_category_signal_needs_its_values() =>
        Assert.Equal(
            ["signals.yaml:9:5: category signal 'capability' needs 'values': the list of its allowed values"],
            ErrorsWith("    values: [chat, reasoning, coding, tool_use, vision, other]\n", ""));

    [Fact]
    public void A_category_signal_needs_at_least_one_value() =>
        Assert.Equal(
            ["signals.yaml:11:13: 'values' of category signal 'capability' must list at least one value"],
            ErrorsWith("values: [chat, reasoning, coding, tool_use, vision, other]", "values: []"));

    [Fact]
    public void A_category_value_listed_twice_is_reported_at_the_second() =>
        Assert.Equal(
            ["signals.yaml:11:31: duplicate value 'chat' in 'values'"],
            ErrorsWith("values: [chat, reasoning, coding, tool_use, vision, other]", "values: [chat, reasoning, chat]"));

    [Fact]
    public void Only_a_category_signal_may_list_values() =>
        Assert.Equal(
            ["signals.yaml:9:13: 'values' is only for category signals, and 'cot_elicitation' is a score signal"],
            ErrorsWith("kind: score", "kind: score\n    values: [high, low]"));

    [Fact]
    public void An_attribute_must_be_lower_snake_case() =>
        Assert.Equal(
            ["signals.yaml:6:24: attribute 'Proxy' must be lower_snake_case, like ip_prefix"],
            ErrorsWith("[ip_prefix, proxy,", "[ip_prefix, Proxy,"));

    [Fact]
    public void An_attribute_listed_twice_is_reported_at_the_second() =>
        Assert.Equal(
            ["signals.yaml:14:22: duplicate attribute 'payment' in 'attrs'"],
            ErrorsWith("attrs: [payment]", "attrs: [payment, payment]"));

    [Fact]
    public void A_catalog_declares_at_least_one_signal()
    {
        var text = "apiVersion: enforcement/v1\nkind: SignalCatalog\nsignals: []\n";

        Assert.Equal(["signals.yaml:3:10: 'signals' must declare at least one signal"], CatalogErrors(text));
    }

    [Fact]
    public void An_unknown_signal_field_is_reported_at_its_key() =>
        Assert.Equal(
            ["signals.yaml:9:5: unknown field 'unit': expected one of name, kind, attrs, values"],
            ErrorsWith("kind: score\n", "kind: score\n    unit: probability\n"));

    [Fact]
    public void A_signal_written_as_a_name_shows_how_to_write_a_signal() =>
        Assert.Equal(
            ["signals.yaml:7:5: each item of 'signals' must be a signal like { name: request, kind: count }, but this one is a single value"],
            ErrorsWith("  - name: cot_elicitation\n    kind: score\n", "  - cot_elicitation\n"));

    [Fact]
    public void A_signal_without_a_kind_is_reported_at_its_start() =>
        Assert.Equal(["signals.yaml:7:5: missing field 'kind'"], ErrorsWith("    kind: score\n", ""));
}
