using Enforcement.Host.Accounts;
using Enforcement.Host.Audit;
using Enforcement.Host.Auth;
using Enforcement.Host.Cases;
using Enforcement.Host.Configuration;
using Enforcement.Host.Console;
using Enforcement.Host.Enforcement;
using Enforcement.Host.Health;
using Enforcement.Host.Jobs;
using Enforcement.Host.Metrics;
using Enforcement.Host.OpenApi;
using Enforcement.Host.Policies;
using Enforcement.Host.Signals;
using Enforcement.Host.Silo;
using Enforcement.Host.Storage;
using Enforcement.Host.Subjects;
using Enforcement.Host.Web;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enforcement.Host;

/// <summary>
/// The whole service in one process: the HTTP API and an Orleans silo over the store. With no configuration it runs
/// embedded (localhost clustering, SQLite under <c>./data</c>, the policy pack from <c>policies/</c>).
/// </summary>
public static class EnforcementHost
{
    /// <param name="configure">Runs before anything reads configuration: tests put their own data folder and keys here.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Configuration is read once, at start. Reloading it on change would put a recursive file watcher on the content
        // root, which holds the data folder in the embedded run: every write of the database would wake it.
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        configure?.Invoke(builder);

        builder.AddEnforcementOptions();
        // Tried, not added: a test's own clock, registered in configure, wins.
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Hosted services start in the order registered: the store's schema, then the policy set, then the silo, then jobs.
        builder.Services.AddEnforcementStore();
        builder.Services.AddPolicySetLoader();
        builder.AddEnforcementSilo();
        builder.Services.AddEnforcementJobs(builder.Configuration);
        builder.Services.AddEnforcementWeb();
        builder.Services.AddApiKeyAuthentication();
        builder.Services.AddSignalIngestion();
        builder.Services.AddEnforcementMetrics();
        builder.Services.AddEnforcementHealth();
        builder.Services.AddEnforcementOpenApi();
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapEnforcementOpenApi();
        app.MapSignalsApi();
        app.MapEnforcementApi();
        app.MapAccountsApi();
        app.MapSubjectsApi();
        app.MapCasesApi();
        app.MapAuditApi();
        app.MapPoliciesApi();
        app.MapCallerApi();
        app.MapConsole();
        return app;
    }

    /// <summary>
    /// Frameworks that narrate every step at Information would bury the startup banner; any configuration source
    /// (appsettings, <c>Logging__LogLevel__Orleans</c>) overrides these, which sit below all of them.
    /// </summary>
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Quartz"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        // The outbox's client would otherwise narrate every POST.
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };
}
