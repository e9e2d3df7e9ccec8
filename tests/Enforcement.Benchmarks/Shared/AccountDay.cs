using Enforcement.Policy.Catalog;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Shared;

/// <summary>
/// One account's day of signals up to <see cref="Now"/>, in event-time order, with the profile its conditions read.
/// Generated from a seed, so every run and every benchmark process sees the same day.
/// </summary>
internal sealed record AccountDay(string Account, AccountFacts Facts, Observation[] Observations)
{
    /// <summary>The fixed instant every benchmark evaluates at: the end of the day, deliberately not on a bucket edge.</summary>
    public static readonly long Now = new DateTimeOffset(2025, 3, 11, 9, 41, 7, TimeSpan.Zero).UtcTicks;

    public static readonly long Start = Now - TimeSpan.TicksPerDay;

    public static AccountDay Harvester(SignalCatalog catalog, string account = "a-harvester", int seed = 7) =>
        Generate(catalog, account, Habits.Harvester, seed, new AccountFacts(Now - 6 * TimeSpan.TicksPerDay, Start, "free", "US", Verified: false));

    public static AccountDay Ordinary(SignalCatalog catalog, string account = "a-ordinary", int seed = 11) =>
        Generate(catalog, account, Habits.Ordinary, seed, new AccountFacts(Now - 400 * TimeSpan.TicksPerDay, Start, "pro", "DE", Verified: false));

    /// <summary>A fresh windows object of <paramref name="layout"/> holding the whole day.</summary>
    public SubjectWindows Fill(WindowLayout layout)
    {
        var windows = new SubjectWindows(layout);
        foreach (var observation in Observations)
            windows.Add(observation);
        return windows;
    }

    public static AccountDay Generate(SignalCatalog catalog, string account, Habits habits, int seed, AccountFacts facts)
    {
        var random = new Random(seed);
        var writer = new SignalWriter(catalog, account, facts.Created);
        var from = Start + habits.ActiveFrom.Ticks;
        var until = Math.Min(Now, from + habits.ActiveFor.Ticks);
        var failures = new Queue<long>(Enumerable.Range(1, habits.ChallengeFailures)
            .Select(i => from + (until - from) * i / (habits.ChallengeFailures + 1)));

        for (var at = from; at < until; at += habits.Every.Ticks + (long)((random.NextDouble() * 2 - 1) * habits.Jitter.Ticks))
        {
            while (failures.Count > 0 && failures.Peek() <= at)
                writer.Write("challenge_failed", failures.Dequeue());

            var onNewModel = random.NextDouble() < habits.NewModelShare;
            var exchange = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ip_prefix"] = Pick(random, habits.IpPrefixes),
                ["device"] = Pick(random, habits.Devices),
                ["prompt_template"] = Pick(random, habits.Templates),
                ["model"] = onNewModel ? habits.NewModel : Pick(random, habits.Models),
            };
            writer.Write("request", at, exchange: exchange);
            writer.Write("cot_elicitation", at, habits.CotFrom + random.NextDouble() * (habits.CotTo - habits.CotFrom), exchange: exchange);
            writer.Write("capability", at, category: Weighted(random, habits.Capabilities), exchange: exchange);
            writer.Write("output_tokens", at, random.Next(200, 4000), exchange: exchange);
            if (onNewModel)
                writer.Write("new_model_request", at, exchange: exchange);
            if (random.NextDouble() < habits.RegionMismatchShare)
                writer.Write("region_mismatch", at, exchange: exchange);
        }
        return new AccountDay(account, facts, [.. writer.Written]);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Weighted(Random random, (string Value, double Weight)[] weights)
    {
        var roll = random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (value, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
                return value;
        }
        return weights[^1].Value;
    }
}
