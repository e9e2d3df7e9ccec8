namespace Enforcement.Host.Metrics;

public static class MetricsApi
{
    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, without a key: scrapers rarely carry one, and the counters name
    /// no account.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Listening starts now, before the first request, so that every request is counted.
        endpoints.ServiceProvider.GetRequiredService<PrometheusScrape>();
        endpoints.MapGet("/metrics", (PrometheusScrape scrape) => TypedResults.Text(scrape.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("Operations")
            .WithName("Metrics")
            .AllowAnonymous();
        return endpoints;
    }

    public static IServiceCollection AddEnforcementMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<EnforcementMetrics>();
        services.AddSingleton<PrometheusScrape>();
        return services;
    }
}
