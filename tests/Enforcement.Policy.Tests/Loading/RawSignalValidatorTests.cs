using Enforcement.Policy.Loading;
using static Enforcement.Policy.Tests.Loading.Raw;

namespace Enforcement.Policy.Tests.Loading;

public class RawSignalValidatorTests
{
    private readonly RawSignalValidator validator = new();

    private static RawSignal Signal(string kind, RawList? values = null, params string[] attrs) =>
        new(S("capability", 2, 11), S(kind, 3, 11), [.. attrs.Select((a, i) => S(a, 4, 13 + (i * 10)))], values, At(2, 5));

    private static RawList Values(params string[] values) => new([.. values.Select((v, i) => S(v, 5, 14 + (i * 10)))], At(5, 13));

    [Theory]
    [InlineData("count")]
    [InlineData("score")]
    [InlineData("number")]
    [InlineData("flag")]
    public void A_signal_of_a_kind_without_values_passes(string kind) =>
        Assert.Empty(Failures(validator, Signal(kind, null, "ip_prefix", "prompt_template")));

    [Fact]
    public void A_category_signal_with_distinct_values_passes() =>
        Assert.Empty(Failures(validator, Signal("category", Values("chat", "coding"))));

    [Fact]
    public void A_category_signal_without_values_fails_at_the_signal() =>
        Assert.Equal(
            ["2:5: category signal 'capability' needs 'values': the list of its allowed values"],
            Failures(validator, Signal("category")));

    [Fact]
    public void A_category_value_that_is_empty_or_repeated_fails_at_the_value() =>
        Assert.Equal(
            ["5:24: a category value must not be empty", "5:34: duplicate value 'chat' in 'values'"],
            Failures(validator, Signal("category", Values("chat", "", "chat"))));

    [Fact]
    public void A_signal_of_another_kind_with_values_fails_at_the_values() =>
        Assert.Equal(
            ["5:13: 'values' is only for category signals, and 'capability' is a number signal"],
            Failures(validator, Signal("number", Values("a"))));

    [Fact]
    public void Values_of_a_signal_of_an_unknown_kind_are_not_judged() =>
        Assert.Equal(
            ["3:11: 'kind' must be one of count, score, number, flag, category, not 'text'"],
            Failures(validator, Signal("text", Values("a"))));

    [Fact]
    public void Attributes_must_be_lower_snake_case_and_distinct() =>
        Assert.Equal(
            ["4:23: attribute 'IpPrefix' must be lower_snake_case, like ip_prefix", "4:33: duplicate attribute 'device' in 'attrs'"],
            Failures(validator, Signal("count", null, "device", "IpPrefix", "device")));

    [Fact]
    public void A_catalog_reports_a_name_declared_twice_at_the_second()
    {
        var catalog = new RawCatalog([Signal("count"), Signal("flag") with { Name = S("capability", 9, 11) }], At(1, 10), Start);

        Assert.Equal(["9:11: duplicate signal 'capability': first declared at line 2"], Failures(new RawCatalogValidator(), catalog));
    }
}
