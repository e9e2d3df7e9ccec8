using Enforcement.Policy.Loading;
using static Enforcement.Policy.Tests.Loading.Raw;

namespace Enforcement.Policy.Tests.Loading;

public class RawPolicyValidatorTests
{
    private readonly RawPolicyValidator validator = new();

    [Fact]
    public void A_policy_with_valid_values_and_no_optional_fields_passes() =>
        Assert.Empty(Failures(validator, APolicy()));

    [Fact]
    public void Absent_fields_are_left_to_the_shape_checks() =>
        Assert.Empty(Failures(validator, APolicy(p => p with { Id = null, Version = null, Severity = null, LadderAt = null, Ladder = [] })));

    [Theory]
    [InlineData("abuse")]
    [InlineData("distillation.cot-elicitation")]
    [InlineData("a1.b2-c3.d")]
    public void Lowercase_dotted_and_dashed_ids_pass(string id) =>
        Assert.Empty(Failures(validator, APolicy(p => p with { Id = S(id, 3, 5) })));

    [Theory]
    [InlineData("Abuse")]
    [InlineData("abuse.")]
    [InlineData("-abuse")]
    [InlineData("abuse--volume")]
    [InlineData("abuse volume")]
    [InlineData("abuse_volume")]
    [InlineData("1abuse")]
    public void Other_ids_fail_at_the_id(string id) =>
        Assert.Equal(
            [$"3:5: 'id' must be lowercase words joined by '-', in segments joined by '.', like distillation.cot-elicitation, not '{id}'"],
            Failures(validator, APolicy(p => p with { Id = S(id, 3, 5) })));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("99999999999")]
    public void A_version_below_one_or_not_whole_fails(string version) =>
        Assert.Equal(
            [$"4:10: 'version' must be a whole number of at least 1, not '{version}'"],
            Failures(validator, APolicy(p => p with { Version = S(version, 4, 10) })));

    [Fact]
    public void A_quoted_version_is_text_not_a_number() =>
        Assert.Equal(
            ["4:10: 'version' must be a whole number of at least 1, not \"1\" (quoted, so text)"],
            Failures(validator, APolicy(p => p with { Version = Quoted("1", 4, 10) })));

    [Theory]
    [InlineData("1s")]
    [InlineData("90s")]
    [InlineData("30d")]
    public void Positive_durations_are_valid_cooldowns(string cooldown) =>
        Assert.Empty(Failures(validator, APolicy(p => p with { Cooldown = S(cooldown, 12, 11) })));

    [Theory]
    [InlineData("1.5h")]
    [InlineData("1 h")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("1w")]
    public void Anything_but_a_duration_literal_fails_as_a_decay(string decay) =>
        Assert.Equal(
            ["12:8: 'decay' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h"],
            Failures(validator, APolicy(p => p with { Decay = S(decay, 12, 8) })));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Ladders_of_one_to_ten_rungs_pass(int rungs) =>
        Assert.Empty(Failures(validator, APolicy(p => p with { Ladder = [.. Enumerable.Repeat(Rung(Throttle("20")), rungs)] })));

    [Fact]
    public void A_ladder_of_eleven_rungs_fails_at_the_ladder() =>
        Assert.Equal(
            ["11:3: 'ladder' must have 1 to 10 rungs, not 11"],
            Failures(validator, APolicy(p => p with { Ladder = [.. Enumerable.Repeat(Rung(Throttle("20")), 11)] })));

    [Fact]
    public void Failures_inside_rungs_carry_their_own_positions() =>
        Assert.Equal(
            ["1:20: 'rpm' must be a whole number from 1 to 1000000, not '0'", "1:30: 'for' must be at least 1m, not 59s"],
            Failures(validator, APolicy(p => p with { Ladder = [Rung(Throttle("0", "59s"))] })));

    [Fact]
    public void Every_bad_field_fails_at_once()
    {
        var policy = APolicy(p => p with { Title = S("", 5, 7), Severity = S("severe", 7, 11), Mode = S("on", 10, 7), Cooldown = S("0s", 12, 11) });

        Assert.Equal(
            [
                "5:7: 'title' is empty: expected a short title",
                "7:11: 'severity' must be one of low, medium, high, critical, not 'severe'",
                "10:7: 'mode' must be one of enforce, shadow, not 'on'",
                "12:11: 'cooldown' must be at least 1s, not 0s",
            ],
            Failures(validator, policy));
    }
}
