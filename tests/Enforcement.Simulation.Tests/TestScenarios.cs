using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Tests;

/// <summary>Small scenarios for tests: a few accounts over a few hours, so that every run takes milliseconds.</summary>
public static class TestScenarios
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A handful of legitimate accounts and one campaign of <paramref name="accounts"/>, over <paramref name="duration"/>.</summary>
    public static string Yaml(
        int accounts = 20,
        long exchanges = 2000,
        string duration = "6h",
        string campaignExtra = "",
        string legitimateExtra = "",
        string scenarioExtra = "") => $"""
        apiVersion: enforcement/v1
        kind: Scenario
        name: test
        seed: 42
        start: 2026-03-02T00:00:00Z
        duration: {duration}
        step: 1m
        min_accounts: 5
        models:
          - {"{"} name: m-4, released: -100d {"}"}
          - {"{"} name: m-5, released: 2h {"}"}
        sdk_templates: 3
        {scenarioExtra}
        population:
          - name: users
            accounts: 10
            volume: {"{"} lognormal: {"{"} median: 40, sigma: 0.5 {"}"} {"}"}
            capabilities: {"{"} chat: 0.6, coding: 0.4 {"}"}
            templates: {"{"} sdk: 0.3, personal: 0.3, pool: 3 {"}"}
            new_model: 0.2
        {legitimateExtra}
        campaigns:
          - name: harvest
            accounts: {accounts}
            exchanges: {exchanges}
            duration: {duration}
            templates: 2
            accounts_per_payment: 5
            proxies: 2
            ip_prefixes: 2
            region_mismatch: 1
            capabilities: {"{"} reasoning: 0.7, coding: 0.3 {"}"}
            pivot: {"{"} model: m-5, share: 0.5, within: 1h {"}"}
        {campaignExtra}
        """;

    public static Scenario Parse(string yaml) => ScenarioReader.Parse(yaml, "test.yaml");

    public static Scenario Small(
        int accounts = 20,
        long exchanges = 2000,
        string duration = "6h",
        string campaignExtra = "",
        string legitimateExtra = "",
        string scenarioExtra = "") =>
        Parse(Yaml(accounts, exchanges, duration, campaignExtra, legitimateExtra, scenarioExtra));

    public static Task<Reporting.SimulationReport> RunAsync(Scenario scenario, ISimulationTarget target, long? seed = null) =>
        Simulation.RunAsync(scenario, target, new SimulationOptions { Seed = seed }, CancellationToken.None);
}
