using System.Collections.Immutable;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Tests.Grains;

/// <summary>Signals as the edge hands them to an account grain.</summary>
public static class TestSignals
{
    public static SignalInput Request(string id, string account, DateTimeOffset at, int index = 0) =>
        new(index, id, account, "request", 1, null, at, new Dictionary<string, string> { ["ip_prefix"] = "203.0.113.0/24" });

    /// <summary><paramref name="count"/> requests a second apart from <paramref name="from"/>, ids <c>{prefix}-0..</c>.</summary>
    public static ImmutableArray<SignalInput> Requests(string prefix, string account, DateTimeOffset from, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Request($"{prefix}-{i}", account, from.AddSeconds(i), i))];
}
