using Enforcement.Host.Signals;
using Enforcement.Host.Web;

namespace Enforcement.Host.Tests;

public sealed class EdgeTests
{
    [Theory]
    [InlineData("Signals", "signals")]
    [InlineData("Signals[17].Type", "signals[17].type")]
    [InlineData("Files", "files")]
    [InlineData("", "")]
    public void Validator_paths_become_wire_paths(string property, string wire) => Assert.Equal(wire, WirePath.Of(property));

    [Theory]
    [InlineData(300, "5m")]
    [InlineData(604800, "7d")]
    [InlineData(129600, "36h")]
    [InlineData(90, "90s")]
    public void Limits_are_written_as_policy_durations(int seconds, string text) =>
        Assert.Equal(text, Durations.Format(TimeSpan.FromSeconds(seconds)));
}
