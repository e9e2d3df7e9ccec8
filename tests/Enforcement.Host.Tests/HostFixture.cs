using System.Net.Http.Headers;
using Enforcement.Host.Configuration;
using Microsoft.AspNetCore.Builder;

namespace Enforcement.Host.Tests;

/// <summary>
/// One real host for the collection: Kestrel on a free loopback port, an Orleans silo on another, SQLite in a temp
/// folder, a small policy pack of the tests' own, and one key per role.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const int MaxBatch = 50;
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["automation"] = "test-automation-key-0123456789",
        ["policy-author"] = "test-policy-author-key-0123456789",
        ["reviewer"] = "test-reviewer-key-0123456789",
        ["admin"] = "test-admin-key-0123456789",
    };

    /// <summary>A second reviewer, for the four-eyes rule.</summary>
    public const string SecondReviewerKey = "test-reviewer-2-key-0123456789";

    private readonly List<HttpClient> clients = [];
    private WebApplication? app;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("enforcement-host-").FullName;

    public string PolicyDir => Path.Combine(DataDir, "policies");

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        TestPack.WriteTo(PolicyDir);
        var settings = new Dictionary<string, string?>
        {
            ["Enforcement:DataDir"] = DataDir,
            ["Enforcement:PolicyDir"] = PolicyDir,
            ["Enforcement:MaxBatch"] = MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enforcement:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enforcement:SiloPort"] = TestMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enforcement:GatewayPort"] = "0",
            ["Enforcement:PolicyRefreshInterval"] = "00:00:00.200",
            ["Enforcement:TimerInterval"] = "00:00:00.500",
            ["Enforcement:CaseInterval"] = "00:00:00.500",
            ["Enforcement:Queues:four-eyes:FourEyes"] = "true",
            ["Enforcement:Queues:fast:Deadline"] = "00:00:01",
        };
        var index = 0;
        foreach (var (role, key) in Keys)
        {
            settings[$"Enforcement:ApiKeys:{index}:Key"] = key;
            settings[$"Enforcement:ApiKeys:{index}:Role"] = role;
            settings[$"Enforcement:ApiKeys:{index}:Name"] = $"test-{role}";
            index++;
        }
        settings[$"Enforcement:ApiKeys:{index}:Key"] = SecondReviewerKey;
        settings[$"Enforcement:ApiKeys:{index}:Role"] = "reviewer";
        settings[$"Enforcement:ApiKeys:{index}:Name"] = "test-reviewer-2";
        (app, Address) = await TestHost.StartAsync(settings);
    }

    /// <summary>A client sending <c>Authorization: Bearer</c> with the key of <paramref name="role"/>, or no header for null.</summary>
    public HttpClient Client(string? role) => ClientWithKey(role is null ? null : Keys[role]);

    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        lock (clients)
            clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
            client.Dispose();
        await TestHost.StopAsync(app);
        TestMachine.DeleteFolder(DataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
