using Enforcement.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcement.Tests;

/// <summary>The real host as test fixtures start it: configured by a dictionary, Kestrel on a loopback port the OS picks.</summary>
public static class TestHost
{
    /// <summary>Builds and starts the host; answers it with the address Kestrel took (ending in '/', so relative paths resolve under it).</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(IDictionary<string, string?> settings, LogLevel minimum = LogLevel.Warning)
    {
        var app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(minimum);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops and disposes a host started by <see cref="StartAsync"/>, if there is one.</summary>
    public static async Task StopAsync(WebApplication? app)
    {
        if (app is null)
            return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
