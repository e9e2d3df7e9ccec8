using System.Globalization;
using Enforcement.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        TestMachine.DeleteFolder(DataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class RunningService : ICollectionFixture<ServiceFixture>
{
    public const string Name = "running service";
}
