using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Enforcement.Simulation.Http;
using Enforcement.Simulation.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Enforcement.Console.Tests;

/// <summary>
/// One real host for every browser test: Kestrel on a free loopback port, a silo on another, SQLite in a temp folder,
/// the shipped policy pack, keys for the simulator, two reviewers and a policy author. The simulator plays
/// <see cref="ConsoleScenario"/> against it over HTTP, as <c>enforce simulate --target</c> would, so that the console
/// has campaign accounts to show that the service itself suspended; then Debian's Chromium starts headless.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public static readonly Reviewer Alice = new("alice", "console-reviewer-alice-0123456789");
    public static readonly Reviewer Bob = new("bob", "console-reviewer-bob-0123456789");
    public const string AutomationKey = "console-automation-key-0123456789";
    public const string PolicyAuthorKey = "console-policy-author-key-0123456789";

    /// <summary>The queue the shipped challenge-failures policy escalates to, configured for the four-eyes rule.</summary>
    public const string FourEyesQueue = "trust-and-safety";

    private readonly List<HttpClient> clients = [];
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private Queue<string> solo = new();

    public string DataDir { get; } = Directory.CreateTempSubdirectory("enforcement-console-").FullName;

    public Uri Address { get; private set; } = null!;

    /// <summary>Accounts of the <c>ring</c> campaign the service suspended, each holding the card's inherited challenge too.</summary>
    public IReadOnlyList<string> SuspendedRing { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed)
        {
            // Without the browser every test is skipped, and the host is not worth starting; unless the browser is
            // required, when every test fails with the reason.
            if (Chromium.Required)
                throw new InvalidOperationException(Chromium.MissingReason);
            return;
        }
        await StartHostAsync();
        await SimulateAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
        });
    }

    private async Task StartHostAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Enforcement:DataDir"] = DataDir,
            ["Enforcement:PolicyDir"] = RepositoryPaths.Policies,
            ["Enforcement:SiloPort"] = TestMachine.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Enforcement:GatewayPort"] = "0",
            ["Enforcement:TimerInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            // A throwaway service: commits wait for the process, not the disk.
            ["Enforcement:Synchronous"] = "Normal",
            // Failed challenges suspend and escalate here: an overturn of such a suspension needs a second reviewer.
            [$"Enforcement:Queues:{FourEyesQueue}:FourEyes"] = "true",
        };
        var keys = new (string Key, string Role, string Name)[]
        {
            (AutomationKey, "automation", "simulator"),
            (Alice.Key, "reviewer", Alice.Name),
            (Bob.Key, "reviewer", Bob.Name),
            (PolicyAuthorKey, "policy-author", "carol"),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Enforcement:ApiKeys:{i}:Key"] = keys[i].Key;
            settings[$"Enforcement:ApiKeys:{i}:Role"] = keys[i].Role;
            settings[$"Enforcement:ApiKeys:{i}:Name"] = keys[i].Name;
        }
        (app, Address) = await TestHost.StartAsync(settings);
    }

    /// <summary>
    /// The host keeps its real clock: the scenario is moved to end at the server's now, as <c>enforce simulate
    /// --target</c> does, so that every signal lies within the host's age and skew bounds.
    /// </summary>
    private async Task SimulateAsync()
    {
        var scenario = ScenarioReader.Parse(ConsoleScenario.Yaml, "console.yaml");
        await using (var target = HttpTarget.Create(Address, AutomationKey))
        {
            var start = await target.StartEndingAtServerNowAsync(scenario.Duration, TimeSpan.FromDays(7), TimeSpan.FromHours(1), CancellationToken.None);
            await Simulation.Simulation.RunAsync(scenario, target, new Simulation.SimulationOptions { Start = start }, CancellationToken.None);
        }

        var states = await LatestStatesAsync();
        var suspended = states.Where(s => s.Value == "suspended").Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        solo = new Queue<string>(suspended.Where(a => a.StartsWith(ConsoleScenario.Solo + ".", StringComparison.Ordinal)));
        SuspendedRing = [.. suspended.Where(a => a.StartsWith(ConsoleScenario.Ring + ".", StringComparison.Ordinal))];
        if (solo.Count < 4 || SuspendedRing.Count == 0)
        {
            throw new InvalidOperationException(
                $"The simulation left too few suspended accounts for the tests: {string.Join(", ", suspended)} of {string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"))}");
        }
    }

    /// <summary>Every account's latest state, from the change feed the gateway follows.</summary>
    private async Task<Dictionary<string, string>> LatestStatesAsync()
    {
        var client = Client(AutomationKey);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await Api.GetAsync(client, after is null ? "v1/enforcement/changes?limit=1000" : $"v1/enforcement/changes?limit=1000&after={after}");
            var changes = page["changes"]!.AsArray();
            foreach (var change in changes)
                states[(string)change!["account"]!] = (string)change["state"]!;
            after = (string?)page["next"];
            if (changes.Count < 1000)
                return states;
        }
    }

    /// <summary>
    /// A solo-campaign account the service suspended, for one test alone: a test that overturns it changes its state,
    /// and no other test may rely on it afterwards.
    /// </summary>
    public string TakeSuspendedAccount()
    {
        lock (solo)
            return solo.Count > 0 ? solo.Dequeue() : throw new InvalidOperationException("No suspended solo account left for another test.");
    }

    /// <summary>A client of the API that sends <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        lock (clients)
            clients.Add(client);
        return client;
    }

    /// <summary>A fresh browser tab of its own (its own session storage), the console's origin as base.</summary>
    public async Task<ConsolePage> OpenAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        foreach (var client in clients)
            client.Dispose();
        await TestHost.StopAsync(app);
        TestMachine.DeleteFolder(DataDir);
    }
}

/// <summary>A reviewer's key and the name the audit trail records for it.</summary>
public sealed record Reviewer(string Name, string Key);

[CollectionDefinition(Name)]
public sealed class ConsoleHost : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console host";
}
