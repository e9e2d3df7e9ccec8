using Enforcement.Host.Audit;
using Enforcement.Host.Configuration;
using Enforcement.Host.Outbox;
using Microsoft.Extensions.Options;
using Quartz;

namespace Enforcement.Host.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Scheduled work under Quartz.NET, in memory for the embedded run (one silo, so each job runs once). Jobs get
    /// their services from the container. Register after the silo: the scheduler starts once the grains can be called.
    /// The outbox job exists only when <c>Enforcement:Outbox:Url</c> is set.
    /// </summary>
    public static IServiceCollection AddEnforcementJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var outbox = configuration.ReadEnforcementOptions().Outbox.Enabled;
        services.AddSingleton<AuditDigestWriter>();
        if (outbox)
        {
            services.AddSingleton<OutboxDelivery>();
            services.AddHttpClient(OutboxDelivery.HttpClientName, (provider, client) => client.Timeout = Options(provider).Outbox.Timeout);
        }

        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.ScheduleJob<DueTimersJob>(
                (provider, trigger) => trigger
                    .WithIdentity("due-timers")
                    .WithSimpleSchedule(Options(provider).TimerInterval),
                (_, job) => job.WithIdentity("due-timers"));
            quartz.ScheduleJob<DueCasesJob>(
                (provider, trigger) => trigger
                    .WithIdentity("due-cases")
                    .WithSimpleSchedule(Options(provider).CaseInterval),
                (_, job) => job.WithIdentity("due-cases"));
            // The first digest comes one interval after start: at start the latest digest already pins every head.
            quartz.ScheduleJob<AuditDigestJob>(
                (provider, trigger) => trigger
                    .WithIdentity("audit-digest")
                    .StartAt(provider.GetRequiredService<TimeProvider>().GetUtcNow() + Options(provider).DigestInterval)
                    .WithSimpleSchedule(Options(provider).DigestInterval),
                (_, job) => job.WithIdentity("audit-digest"));
            if (outbox)
            {
                quartz.ScheduleJob<OutboxJob>(
                    (provider, trigger) => trigger
                        .WithIdentity("outbox")
                        .WithSimpleSchedule(Options(provider).Outbox.Interval),
                    (_, job) => job.WithIdentity("outbox"));
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static EnforcementOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<EnforcementOptions>>().Value;
}
