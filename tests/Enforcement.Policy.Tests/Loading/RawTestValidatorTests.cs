using Enforcement.Policy.Loading;
using static Enforcement.Policy.Tests.Loading.Raw;

namespace Enforcement.Policy.Tests.Loading;

public class RawTestValidatorTests
{
    private static RawTestExpectation Expect(RawScalar? state = null, RawScalar? rung = null) =>
        new(S("1h", 2, 9), state, rung, null, null, null, At(2, 5));

    private static RawTestSignal Signal(RawScalar? every = null, RawScalar? count = null) =>
        new(S("0s", 3, 9), S("request", 3, 20), null, null, [], every, count, null, At(3, 5));

    [Fact]
    public void An_expectation_of_anything_besides_its_time_passes() =>
        Assert.Empty(Failures(new RawTestExpectationValidator(), Expect(rung: S("0"))));

    [Fact]
    public void An_expectation_of_nothing_fails_at_its_start() =>
        Assert.Equal(
            ["2:5: an expectation needs at least one of state, rung, action, rpm or challenge besides 'at'"],
            Failures(new RawTestExpectationValidator(), Expect()));

    [Theory]
    [InlineData("allow")]
    [InlineData("throttle")]
    [InlineData("challenge")]
    [InlineData("suspended")]
    public void Each_enforcement_state_can_be_expected(string state) =>
        Assert.Empty(Failures(new RawTestExpectationValidator(), Expect(state: S(state))));

    [Fact]
    public void A_run_of_signals_needs_a_positive_spacing_and_a_count_of_at_least_one() =>
        Assert.Equal(
            ["3:30: 'every' must be at least 1s, not 0s", "3:40: 'count' must be a whole number from 1 to 1000000, not '0'"],
            Failures(new RawTestSignalValidator(), Signal(S("0s", 3, 30), S("0", 3, 40))));

    [Fact]
    public void A_run_of_signals_with_a_spacing_and_a_count_passes() =>
        Assert.Empty(Failures(new RawTestSignalValidator(), Signal(S("10s"), S("300"))));

    [Fact]
    public void A_test_start_must_carry_its_offset() =>
        Assert.Equal(
            ["4:12: 'start' must be a timestamp with its offset, like 2026-01-01T00:00:00Z, not '2026-01-01T00:00:00'"],
            Failures(
                new RawPolicyTestValidator(),
                new RawPolicyTest(S("t"), S("a-1"), S("2026-01-01T00:00:00", 4, 12), [], [], [Expect(rung: S("1"))], Start, Start)));
}
