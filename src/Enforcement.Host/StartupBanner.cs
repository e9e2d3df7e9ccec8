using Enforcement.Host.Auth;
using Enforcement.Host.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Enforcement.Host;

/// <summary>
/// Once the server listens, says where the API, the reviewer console and the OpenAPI document are, where the API keys
/// come from and how to make a first call.
/// </summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    ApiKeyRing keys,
    IOptions<EnforcementOptions> options,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var dataDir = options.Value.DataPath;
        LogListening(logger, address, dataDir);
        if (keys.GeneratedFile is null)
        {
            var count = keys.Keys.Length;
            LogConfiguredKeys(logger, count);
            return;
        }
        var automation = keys.Keys.First(k => k.Role == Roles.Automation).Key;
        LogGeneratedKeys(logger, keys.GeneratedFile, automation, address);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcement is running. API: {Address}/v1  Console: {Address}/console  OpenAPI: {Address}/openapi/v1.json  Data: {DataDir}")]
    private static partial void LogListening(ILogger logger, string address, string dataDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys: {Count} from configuration (Enforcement:ApiKeys)")]
    private static partial void LogConfiguredKeys(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys: one per role in {File}. A first call: curl -H \"Authorization: Bearer {Key}\" {Address}/v1/accounts/a-42/enforcement")]
    private static partial void LogGeneratedKeys(ILogger logger, string file, string key, string address);
}
