using Enforcement.Host.Configuration;
using Quartz;

namespace Enforcement.Host.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Scheduled work under Quartz.NET, in memory for the embedded run (one silo, so each job runs once). Jobs get
    /// their services from the container. Register after the silo: the scheduler starts once the grains can be called.
    /// </summary>
    public static IHostApplicationBuilder AddEnforcementJobs(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.ReadEnforcementOptions();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.ScheduleJob<DueTimersJob>(trigger => trigger
                .WithIdentity("due-timers")
                .WithSimpleSchedule(options.TimerInterval));
        });
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
