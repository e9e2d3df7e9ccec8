using System.Collections.Immutable;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Commands;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Tests.Accounts;

public sealed class CommandCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_command_reads_back_as_written()
    {
        AccountCommand[] commands =
        [
            new ObserveSignals(4, [
                new SignalInput(0, "s-1", "a-1", "request", 1, null, At, new Dictionary<string, string> { ["ip_prefix"] = "203.0.113.0/24", ["model"] = "m" }),
                new SignalInput(1, "s-2", "a-1", "capability", 1, "coding", At.AddSeconds(1), null),
            ]),
            new UpdateProfile(4, new ProfileUpdate(At.AddDays(-2), "pro", null, true)),
            new AdvanceTime(5, At.AddHours(1)),
            new PassChallenge(5, "r-9", null, At.AddMinutes(3)),
        ];

        foreach (var command in commands)
        {
            var entry = CommandCodec.Encode("account:a-1", 3, command);
            var read = CommandCodec.Decode(entry);
            Assert.Equal(3, entry.Seq);
            if (command is ObserveSignals observe)
            {
                var back = Assert.IsType<ObserveSignals>(read);
                Assert.Equal(observe.PolicySetVersion, back.PolicySetVersion);
                Assert.Equal(observe.Signals.Select(Describe), back.Signals.Select(Describe));
            }
            else
            {
                Assert.Equal(command, read);
            }
        }
    }

    [Fact]
    public void An_entry_of_an_unknown_format_is_refused()
    {
        var entry = CommandCodec.Encode("account:a-1", 1, new AdvanceTime(1, At));
        entry.Payload[0] = 99;

        var error = Assert.Throws<InvalidDataException>(() => CommandCodec.Decode(entry));
        Assert.Contains("format 99", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(SignalInput s) =>
        $"{s.Index}|{s.Id}|{s.Account}|{s.Type}|{s.Value}|{s.Category}|{s.At:O}|{string.Join(",", (s.Attrs ?? ImmutableDictionary<string, string>.Empty).OrderBy(a => a.Key).Select(a => a.Key + "=" + a.Value))}";
}
