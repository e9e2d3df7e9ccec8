using Enforcement.Host.Audit;
using Enforcement.Host.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace Enforcement.Host.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Scheduled work under Quartz.NET, in memory for the embedded run (one silo, so each job runs once). Jobs get
    /// their services from the container. Register after the silo: the scheduler starts once the grains can be called.
    /// </summary>
    public static IServiceCollection AddEnforcementJobs(this IServiceCollection services)
    {
        services.AddSingleton<AuditDigestWriter>();
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
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static EnforcementOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<EnforcementOptions>>().Value;
}
