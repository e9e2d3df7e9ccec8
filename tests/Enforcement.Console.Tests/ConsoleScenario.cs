namespace Enforcement.Console.Tests;

/// <summary>
/// What the simulator plays against the host before the browser opens: a few ordinary users and two small campaigns
/// over four hours, in seconds. The <c>solo</c> accounts each pay with a card of their own, so that only account
/// policies judge them (cot-elicitation throttles and challenges, failed challenges suspend); the <c>ring</c> accounts
/// share one card, so that the payment-ring policy challenges them through the entity and their timelines show an
/// inherited decision.
/// </summary>
public static class ConsoleScenario
{
    public const string Solo = "solo";
    public const string Ring = "ring";

    public const string Yaml = """
        apiVersion: enforcement/v1
        kind: Scenario
        name: console
        seed: 7
        start: 2026-03-02T00:00:00Z
        duration: 4h
        step: 5m
        min_accounts: 1
        models:
          - { name: m-4, released: -100d }
        population:
          - name: people
            accounts: 6
            volume: { lognormal: { median: 30, sigma: 0.3 } }
            capabilities: { chat: 0.7, coding: 0.3 }
            age: { min: 30d, max: 900d }
        campaigns:
          - name: solo
            accounts: 6
            exchanges: 8000
            duration: 4h
            templates: 6
            accounts_per_payment: 1
            ip_prefixes: 6
            devices: 6
            cot: { mean: 0.93, sd: 0.02 }
            capabilities: { reasoning: 0.7, coding: 0.3 }
            age: { min: 1d, max: 3d }
            on_challenge: fail
          - name: ring
            accounts: 6
            exchanges: 3000
            duration: 4h
            templates: 2
            accounts_per_payment: 6
            proxies: 1
            ip_prefixes: 2
            cot: { mean: 0.93, sd: 0.02 }
            capabilities: { reasoning: 0.7, coding: 0.3 }
            age: { min: 1d, max: 3d }
            on_challenge: fail
        """;
}
