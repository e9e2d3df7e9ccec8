using Enforcement.Simulation;
using Enforcement.Simulation.Http;
using Enforcement.Simulation.Reporting;
using Enforcement.Simulation.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Simulate;

/// <summary>
/// <c>enforce simulate</c>: runs a scenario of legitimate accounts and distillation campaigns against the service,
/// writes <c>report.json</c> and <c>report.html</c>, prints a summary, and exits 0 when every target is met, 1 when
/// one is not, 2 when the run could not be made.
/// </summary>
public sealed class SimulateCommand(IAnsiConsole console) : AsyncCommand<SimulateSettings>
{
    private const int Missed = 1;
    private const int Error = 2;

    /// <summary>Over HTTP, time kept for the run itself: the earliest signals age while it runs.</summary>
    private static readonly TimeSpan RunMargin = TimeSpan.FromHours(1);

    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            scenario = Load(settings.Scenario);
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors)
                console.MarkupLineInterpolated($"[red]error[/]: {error.ToString()}");
            return Error;
        }
        catch (IOException e)
        {
            return Fail(e.Message);
        }

        SimulationReport report;
        WorkDone? work = null;
        try
        {
            var target = await SimulationTargets.CreateAsync(settings, scenario.Start, cancellationToken).ConfigureAwait(false);
            await using (target.ConfigureAwait(false))
            {
                DateTimeOffset? start = null;
                if (target is HttpTarget http)
                {
                    start = await http.StartEndingAtServerNowAsync(scenario.Duration, settings.MaxSignalAgeSpan, RunMargin, cancellationToken).ConfigureAwait(false);
                    console.MarkupLineInterpolated($"driving {settings.Target}: the scenario is moved to end at the server's now, {ReportFormat.Time(start + scenario.Duration)}");
                }
                var options = new SimulationOptions { Scale = settings.Scale, Seed = settings.Seed, Start = start };
                report = await RunAsync(scenario, target, options, cancellationToken).ConfigureAwait(false);
                if (target is InProcessTarget service)
                    work = service.Work;
            }
        }
        catch (NotSupportedException e)
        {
            return Fail(e.Message);
        }
        catch (SimulationException e)
        {
            return Fail(e.Message);
        }
        catch (HttpRequestException e)
        {
            return Fail($"{settings.Target}: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"{settings.Target}: no answer in time ({e.Message})");
        }

        Directory.CreateDirectory(settings.ReportDir);
        var json = Path.Combine(settings.ReportDir, "report.json");
        var html = Path.Combine(settings.ReportDir, "report.html");
        await ReportWriter.WriteJsonAsync(report, json, cancellationToken).ConfigureAwait(false);
        await ReportWriter.WriteHtmlAsync(report, html, cancellationToken).ConfigureAwait(false);
        SimulationSummary.Write(console, report);
        if (work is not null)
            SimulationSummary.WriteWork(console, work, report.Throughput.SignalsSent);
        console.MarkupLineInterpolated($"reports: {json}, {html}");
        return report.TargetsMet ? 0 : Missed;
    }

    /// <summary>The file given; else the one in ./scenarios; else the copy built into the tool.</summary>
    private static Scenario Load(string? path)
    {
        if (path is not null)
        {
            return File.Exists(path)
                ? ScenarioReader.ReadFile(path)
                : throw new IOException($"{path}: no such scenario file");
        }
        return File.Exists(ScenarioReader.ShippedName) ? ScenarioReader.ReadFile(ScenarioReader.ShippedName) : ScenarioReader.Shipped();
    }

    private async Task<SimulationReport> RunAsync(Scenario scenario, ISimulationTarget target, SimulationOptions options, CancellationToken cancellationToken) =>
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape($"{scenario.Name} at scale {options.Scale}"), maxValue: 1);
                var watched = options with
                {
                    Progress = p =>
                    {
                        task.Value = p.Fraction;
                        task.Description = Markup.Escape(
                            $"sim {ReportFormat.Time(p.SimTime)}  {ReportFormat.Count(p.SignalsSent)} signals  {ReportFormat.Rate(p.SignalsPerSecond)}/s");
                    },
                };
                return await Simulation.Simulation.RunAsync(scenario, target, watched, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

    private int Fail(string message)
    {
        console.MarkupLineInterpolated($"[red]error[/]: {message}");
        return Error;
    }
}
