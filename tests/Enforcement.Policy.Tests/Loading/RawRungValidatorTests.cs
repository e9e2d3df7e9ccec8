using Enforcement.Policy.Definitions;
using Enforcement.Policy.Loading;
using static Enforcement.Policy.Tests.Loading.Raw;

namespace Enforcement.Policy.Tests.Loading;

public class RawRungValidatorTests
{
    private readonly RawRungValidator validator = new();

    private static RawRung Delayed(string delay) => Rung(Throttle("20")) with { Delay = S(delay, 2, 12) };

    [Theory]
    [InlineData("10m..2h")]
    [InlineData("0s..1m")]
    [InlineData("1h..1h")]
    [InlineData("10m..24h")]
    [InlineData("1d..1d")]
    public void Ordered_delays_within_a_day_pass(string delay) =>
        Assert.Empty(Failures(validator, Delayed(delay)));

    [Theory]
    [InlineData("10m")]
    [InlineData("10m-2h")]
    [InlineData("10m...2h")]
    [InlineData("..2h")]
    [InlineData("10m..")]
    [InlineData("ten..2h")]
    public void A_delay_that_is_not_a_range_fails(string delay) =>
        Assert.Equal([$"2:12: 'delay' must be a range of two durations, like 10m..2h, not '{delay}'"], Failures(validator, Delayed(delay)));

    [Fact]
    public void A_delay_that_ends_before_it_starts_fails() =>
        Assert.Equal(["2:12: 'delay' must not end before it starts: 2h..10m"], Failures(validator, Delayed("2h..10m")));

    [Theory]
    [InlineData("1h..25h")]
    [InlineData("0s..2d")]
    public void A_delay_longer_than_a_day_fails(string delay) =>
        Assert.Equal([$"2:12: 'delay' must end within 24h, not {delay}"], Failures(validator, Delayed(delay)));

    [Fact]
    public void A_rung_with_nothing_written_fails_at_the_rung() =>
        Assert.Equal(
            ["1:3: a rung needs at least one action: observe, throttle, challenge, suspend, escalate"],
            Failures(validator, new RawRung([], S("10m..1h"), At(1, 3), 0)));

    [Fact]
    public void A_rung_whose_only_action_was_unreadable_has_no_second_error() =>
        Assert.Empty(Failures(validator, new RawRung([], null, At(1, 3), 1)));

    [Theory]
    [InlineData("1", true)]
    [InlineData("1000000", true)]
    [InlineData("0", false)]
    [InlineData("1000001", false)]
    [InlineData("20.5", false)]
    public void Rpm_runs_from_one_to_a_million(string rpm, bool valid) =>
        Assert.Equal(valid, Failures(new RawActionValidator(), Throttle(rpm)).Count == 0);

    [Theory]
    [InlineData("low")]
    [InlineData("normal")]
    [InlineData("high")]
    [InlineData("urgent")]
    public void Each_priority_passes(string priority) =>
        Assert.Empty(Failures(new RawActionValidator(), new RawAction(ActionKind.Escalate, Start, Queue: S("abuse"), Priority: S(priority))));

    [Fact]
    public void A_queue_name_with_capitals_fails() =>
        Assert.Equal(
            ["1:1: 'queue' must be a lowercase name, like threat-intel, not 'Threat Intel'"],
            Failures(new RawActionValidator(), new RawAction(ActionKind.Escalate, Start, Queue: S("Threat Intel"))));
}
