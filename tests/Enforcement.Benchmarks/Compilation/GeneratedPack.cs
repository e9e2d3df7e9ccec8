using System.Globalization;
using System.Text;
using Enforcement.Benchmarks.Shared;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Loading;

namespace Enforcement.Benchmarks.Compilation;

/// <summary>
/// A large synthetic policy set over the shipped <c>signals.yaml</c>: policies of every scope, conditions of two to
/// four terms mixing every aggregate with windows from every bucket tier, account fields where the scope allows them,
/// and ladders of two or three rungs that pass the ladder checks. Seeded, so every run compiles the same files.
/// </summary>
internal static class GeneratedPack
{
    /// <summary>Windows that <c>Resolution</c> measures, from every tier: 10 s, 5 min, 1 h and 1 d buckets.</summary>
    private static readonly string[] Windows = ["1m", "5m", "10m", "15m", "30m", "1h", "2h", "6h", "12h", "1d", "2d", "3d", "7d", "14d", "30d"];

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    private static readonly string[] Owners = ["trust-and-safety", "payments-risk", "threat-intel"];

    private static readonly string[] Cooldowns = ["1h", "2h", "6h", "12h", "1d"];

    private static readonly string[] Decays = ["7d", "14d", "30d"];

    private static readonly string[] EntityScopes = ["payment", "ip_prefix", "device", "org", "prompt_template", "proxy", "cluster"];

    /// <summary>Three-rung ladders from mild to strict; two-rung ladders take their last two rungs, which stay in order.</summary>
    private static readonly string[][] Ladders =
    [
        ["observe: {}", "throttle: { rpm: 30, for: 6h }", "challenge: { kind: identity }"],
        ["throttle: { rpm: 30, for: 12h }", "throttle: { rpm: 10, for: 1d }", "suspend: { for: 7d }\n    escalate: { queue: threat-intel, priority: high }"],
        ["observe: {}", "challenge: { kind: identity }", "suspend: { for: 30d }\n    escalate: { queue: trust-and-safety, priority: normal }"],
        ["throttle: { rpm: 60, for: 1h }", "challenge: { kind: payment }\n    escalate: { queue: payments-fraud, priority: normal }", "suspend: { for: 14d }\n    delay: 10m..2h"],
    ];

    public static PolicySource[] Create(int count, int seed = 2025)
    {
        var catalogFile = new PolicySource("signals.yaml", File.ReadAllText(Path.Combine(DefaultPack.Directory, "signals.yaml")));
        var catalog = PolicyLoader.Load([catalogFile]).Catalog
            ?? throw new InvalidOperationException("the shipped signals.yaml does not load on its own");
        var writer = new Writer(catalog, new Random(seed));
        return [catalogFile, .. Enumerable.Range(1, count).Select(writer.Policy)];
    }

    private sealed class Writer(SignalCatalog catalog, Random random)
    {
        private readonly SignalDefinition[] numeric = [.. catalog.Signals.Where(s => s.Kind != SignalKind.Category)];
        private readonly SignalDefinition[] categories = [.. catalog.Signals.Where(s => s.Kind == SignalKind.Category)];

        public PolicySource Policy(int number)
        {
            var scope = random.NextDouble() < 0.6 ? "account" : Pick(EntityScopes);
            var terms = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Term(scope)).ToList();
            if (terms.Count >= 3 && random.NextDouble() < 0.25)
            {
                terms[^2] = $"({terms[^2]} || {terms[^1]})";
                terms.RemoveAt(terms.Count - 1);
            }
            var ladder = Pick(Ladders);
            var rungs = random.NextDouble() < 0.5 ? ladder : ladder[1..];

            var yaml = new StringBuilder()
                .AppendLine("apiVersion: enforcement/v1")
                .AppendLine("kind: Policy")
                .AppendLine(CultureInfo.InvariantCulture, $"id: generated.policy-{number:D4}")
                .AppendLine(CultureInfo.InvariantCulture, $"version: {random.Next(1, 6)}")
                .AppendLine(CultureInfo.InvariantCulture, $"title: Generated policy {number}")
                .AppendLine(CultureInfo.InvariantCulture, $"owner: {Pick(Owners)}")
                .AppendLine(CultureInfo.InvariantCulture, $"severity: {Pick(Severities)}")
                .AppendLine(CultureInfo.InvariantCulture, $"scope: {scope}")
                .AppendLine(CultureInfo.InvariantCulture, $"mode: {(random.NextDouble() < 0.8 ? "enforce" : "shadow")}")
                .AppendLine("when: >")
                .AppendLine(CultureInfo.InvariantCulture, $"  {string.Join("\n  && ", terms)}")
                .AppendLine("ladder:");
            foreach (var rung in rungs)
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {rung}");
            // The longest delay above is 2h, on a last rung, so any cooldown passes the delay check.
            yaml.AppendLine(CultureInfo.InvariantCulture, $"cooldown: {Pick(Cooldowns)}")
                .AppendLine(CultureInfo.InvariantCulture, $"decay: {Pick(Decays)}");
            return new PolicySource($"generated/policy-{number:D4}.yaml", yaml.ToString());
        }

        private string Term(string scope)
        {
            var roll = random.NextDouble();
            var window = Pick(Windows);
            return roll switch
            {
                < 0.25 => $"count({Pick(catalog.Signals).Name}, {window}) >= {Pick([3, 10, 50, 200, 1000, 5000])}",
                < 0.35 => Numeric("sum", window, ">="),
                < 0.50 => Numeric("avg", window, ">="),
                < 0.60 => Share(window),
                < 0.70 => $"distinct({Pick(catalog.Attributes)}, {window}) {Pick(["<=", ">="])} {Pick([1, 3, 5, 20, 50])}",
                < 0.78 => $"count({Pick(numeric).Name}, {window}) >= {Fraction(0.2, 0.9)} * count({Pick(numeric).Name}, {window})",
                < 0.85 => Numeric(Pick(["min", "max"]), window, Pick([">=", "<"])),
                _ when scope == "account" => Pick(
                [
                    $"account.age < {Pick(["7d", "30d", "90d"])}",
                    "!account.verified",
                    $"account.tier == \"{Pick(["free", "pro"])}\"",
                    "account.region in [\"US\", \"DE\", \"GB\"]",
                ]),
                _ => random.NextDouble() < 0.5
                    ? $"members({window}) >= {Pick([5, 20, 50])}"
                    : $"new_members({Pick(["1d", "7d", "14d"])}, {window}) >= {Pick([3, 5, 10])}",
            };
        }

        /// <summary>An aggregate over a numeric signal against a threshold in the signal's own range.</summary>
        private string Numeric(string function, string window, string comparison)
        {
            var signal = Pick(numeric);
            var threshold = signal.Kind switch
            {
                SignalKind.Score => Fraction(0.3, 0.95),
                SignalKind.Number => Pick(["200", "1000", "4000"]),
                _ when function == "sum" => Pick(["10", "100", "1000"]),
                _ => Fraction(0.1, 0.9),
            };
            return $"{function}({signal.Name}, {window}) {comparison} {threshold}";
        }

        private string Share(string window)
        {
            var signal = Pick(categories);
            var values = signal.Values.OrderBy(_ => random.Next()).Take(random.Next(1, 4));
            return $"{string.Join(" + ", values.Select(v => $"share({signal.Name}, \"{v}\", {window})"))} >= {Fraction(0.3, 0.9)}";
        }

        private string Fraction(double from, double to) =>
            Math.Round(from + random.NextDouble() * (to - from), 2).ToString(CultureInfo.InvariantCulture);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
