using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace Enforcement.Simulation.Tests;

/// <summary>A running service for the HTTP tests: Kestrel on a free port, the shipped policy pack, a fresh data folder.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const string AutomationKey = "simulation-automation-key-0123456789";

    private WebApplication? app;

    public string DataDir { get; } = Directory.CreateTempSubdirectory("enforcement-sim-").FullName;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Enforcement:DataDir"] = DataDir,
            ["Enforcement:PolicyDir"] = RepositoryPaths.Policies,
            ["Enforcement:SiloPort"] = TestMachine.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Enforcement:GatewayPort"] = "0",
            ["Enforcement:ApiKeys:0:Key"] = AutomationKey,
            ["Enforcement:ApiKeys:0:Role"] = "automation",
            ["Enforcement:ApiKeys:0:Name"] = "simulation",
        };
        (app, Address) = await TestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await TestHost.StopAsync(app);
        TestMachine.DeleteFolder(DataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class RunningService : ICollectionFixture<ServiceFixture>
{
    public const string Name = "running service";
}
