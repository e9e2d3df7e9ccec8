using System.Collections.Immutable;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Tests.Entities;

/// <summary>Signals carrying exactly the linkage values a test names.</summary>
public static class EntitySignals
{
    public static ImmutableArray<SignalInput> Payment(string account, string instrument, DateTimeOffset at) =>
        [new SignalInput(0, $"{account}-pay-{instrument}", account, "payment", 1, null, at, new Dictionary<string, string> { ["payment"] = instrument })];

    public static ImmutableArray<SignalInput> Request(string id, string account, DateTimeOffset at, params (string Key, string Value)[] attrs) =>
        [new SignalInput(0, id, account, "request", 1, null, at, attrs.ToDictionary(a => a.Key, a => a.Value))];

    /// <summary>Polls until <paramref name="condition"/> holds: members learn an entity's decision off the entity's turn.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"Not within 10 s: {what}");
    }
}
