using Enforcement.Runtime.Signals;

namespace Enforcement.LoadDriver;

/// <summary>
/// A deterministic stream of detector signals for many light accounts, shaped like ordinary API traffic under the
/// default pack: requests with network and template attributes, chain-of-thought scores, capabilities, output sizes.
/// </summary>
public sealed class Workload(int accounts, DateTimeOffset start, int seed = 42)
{
    private static readonly string[] Capabilities = ["chat", "reasoning", "coding", "tool_use", "vision", "other"];

    public int Accounts => accounts;

    public static string AccountId(int i) => $"acct-{i:D7}";

    /// <summary>
    /// Batch <paramref name="batch"/> of <paramref name="size"/> signals: accounts in turn, four signal kinds in turn, a
    /// second of event time per batch so that windows move as they would in a live minute.
    /// </summary>
    public SignalInput[] Batch(int batch, int size)
    {
        var random = new Random(HashCode.Combine(seed, batch));
        var signals = new SignalInput[size];
        var at = start.AddMilliseconds(batch * 100L);
        for (var i = 0; i < size; i++)
        {
            var n = (long)batch * size + i;
            var account = AccountId((int)(n / 4 % accounts));
            var id = $"s-{seed}-{n}";
            signals[i] = (n % 4) switch
            {
                0 => new SignalInput(i, id, account, "request", 1, null, at, new Dictionary<string, string>
                {
                    ["ip_prefix"] = $"198.51.{random.Next(256)}.0/24",
                    ["prompt_template"] = $"t-{random.Next(5000):x}",
                    ["model"] = "frontier-3",
                }),
                1 => new SignalInput(i, id, account, "cot_elicitation", Math.Round(random.NextDouble() * 0.4, 3), null, at, null),
                2 => new SignalInput(i, id, account, "capability", 1, Capabilities[random.Next(Capabilities.Length)], at, null),
                _ => new SignalInput(i, id, account, "output_tokens", random.Next(50, 4000), null, at, null),
            };
        }
        return signals;
    }
}
