using Enforcement.Host.Accounts;
using Enforcement.Host.Audit;
using Enforcement.Host.Auth;
using Enforcement.Host.Configuration;
using Enforcement.Host.Enforcement;
using Enforcement.Host.Health;
using Enforcement.Host.Jobs;
using Enforcement.Host.Metrics;
using Enforcement.Host.OpenApi;
using Enforcement.Host.Policies;
using Enforcement.Host.Signals;
using Enforcement.Host.Silo;
using Enforcement.Host.Storage;
using Enforcement.Host.Web;

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
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddEnforcementOptions();
        builder.Services.AddSingleton(TimeProvider.System);
        // Hosted services start in the order registered: the store's schema, then the policy set, then the silo, then jobs.
        builder.Services.AddEnforcementStore();
        builder.Services.AddPolicySetLoader();
        builder.AddEnforcementSilo();
        builder.Services.AddEnforcementJobs();
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
        app.MapAuditApi();
        app.MapPoliciesApi();
        return app;
    }
}
