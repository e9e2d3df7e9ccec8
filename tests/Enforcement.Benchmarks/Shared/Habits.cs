namespace Enforcement.Benchmarks.Shared;

/// <summary>
/// How one account behaves over a day: how often it sends an exchange and what the classifiers make of it. Each
/// exchange yields a <c>request</c>, a <c>cot_elicitation</c> score, a <c>capability</c>, its <c>output_tokens</c>,
/// and when they apply a <c>new_model_request</c> and a <c>region_mismatch</c> flag.
/// </summary>
/// <param name="ActiveFrom">Offset into the day of the first exchange.</param>
/// <param name="ActiveFor">How long the account is active; exchanges stop after it.</param>
/// <param name="Capabilities">Each capability value with its weight.</param>
/// <param name="ChallengeFailures">Failed challenges, spread evenly over the active period.</param>
internal sealed record Habits(
    TimeSpan Every,
    TimeSpan Jitter,
    TimeSpan ActiveFrom,
    TimeSpan ActiveFor,
    string[] IpPrefixes,
    string[] Devices,
    string[] Templates,
    string[] Models,
    string NewModel,
    double NewModelShare,
    (string Value, double Weight)[] Capabilities,
    double CotFrom,
    double CotTo,
    double RegionMismatchShare,
    int ChallengeFailures)
{
    /// <summary>
    /// A scripted chain-of-thought harvester on a six-day-old account: an exchange every 12 s all day, from three
    /// templates and four address ranges abroad, nearly all reasoning and coding, most of it on the model released
    /// yesterday, with three failed challenges. Every account-scoped policy of the default pack holds at the end.
    /// </summary>
    public static Habits Harvester { get; } = new(
        Every: TimeSpan.FromSeconds(12),
        Jitter: TimeSpan.FromSeconds(4),
        ActiveFrom: TimeSpan.Zero,
        ActiveFor: TimeSpan.FromHours(24),
        IpPrefixes: ["198.51.100.0/24", "198.51.101.0/24", "203.0.113.0/24", "192.0.2.0/24"],
        Devices: ["dev-a1", "dev-a2"],
        Templates: ["t-9f3a", "t-77c1", "t-0b42"],
        Models: ["model-2024"],
        NewModel: "model-2025",
        NewModelShare: 0.6,
        Capabilities: [("reasoning", 0.55), ("coding", 0.30), ("tool_use", 0.10), ("chat", 0.05)],
        CotFrom: 0.8,
        CotTo: 0.99,
        RegionMismatchShare: 0.92,
        ChallengeFailures: 3);

    /// <summary>
    /// A busy, ordinary professional on a year-old account: an exchange every 45 s over a 13-hour working day, from two
    /// addresses and dozens of prompts, mixed capabilities, a little trying of the new model, one failed captcha. It
    /// passes the volume terms of two policies and no condition as a whole.
    /// </summary>
    public static Habits Ordinary { get; } = new(
        Every: TimeSpan.FromSeconds(45),
        Jitter: TimeSpan.FromSeconds(20),
        ActiveFrom: TimeSpan.FromHours(1),
        ActiveFor: TimeSpan.FromHours(13),
        IpPrefixes: ["192.0.2.0/24", "203.0.113.128/25"],
        Devices: ["dev-laptop", "dev-phone"],
        Templates: [.. Enumerable.Range(0, 40).Select(i => $"t-user-{i:x4}")],
        Models: ["model-2024", "model-2024-mini", "model-2023"],
        NewModel: "model-2025",
        NewModelShare: 0.05,
        Capabilities: [("chat", 0.3), ("coding", 0.2), ("reasoning", 0.15), ("vision", 0.15), ("tool_use", 0.1), ("other", 0.1)],
        CotFrom: 0.0,
        CotTo: 0.6,
        RegionMismatchShare: 0.02,
        ChallengeFailures: 1);
}
