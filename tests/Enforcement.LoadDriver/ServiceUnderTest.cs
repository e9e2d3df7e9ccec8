using Enforcement.Host;
using Enforcement.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcement.LoadDriver;

/// <summary>The real host, started in this process on loopback with a fresh data folder and one automation key.</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string AutomationKey = "load-driver-automation-key";

    private readonly WebApplication app;
    private readonly string dataDir;

    private ServiceUnderTest(WebApplication app, string dataDir, Uri address)
    {
        this.app = app;
        this.dataDir = dataDir;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<ServiceUnderTest> StartAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("enforcement-load-").FullName;
        var app = EnforcementHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration["Enforcement:DataDir"] = dataDir;
                builder.Configuration["Enforcement:ApiKeys:0:Key"] = AutomationKey;
                builder.Configuration["Enforcement:ApiKeys:0:Role"] = "automation";
                builder.Configuration["Enforcement:ApiKeys:0:Name"] = "load driver";
                builder.Configuration["Logging:LogLevel:Default"] = "Warning";
                builder.Configuration["Enforcement:SiloPort"] = "11211";
                builder.Configuration["Enforcement:GatewayPort"] = "30100";
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceUnderTest(app, dataDir, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        TestMachine.DeleteFolder(dataDir);
    }
}
