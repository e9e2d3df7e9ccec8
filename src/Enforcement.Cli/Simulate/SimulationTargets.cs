using Enforcement.Simulation;
using Enforcement.Simulation.Http;

namespace Enforcement.Cli.Simulate;

/// <summary>The service a simulation drives: a running one over HTTP when <c>--target</c> is given, else one in-process.</summary>
public static class SimulationTargets
{
    /// <param name="start">Where the in-process service's clock starts: the scenario's first instant.</param>
    public static async Task<ISimulationTarget> CreateAsync(SimulateSettings settings, DateTimeOffset start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target is { } target)
        {
            var baseAddress = new Uri(target.EndsWith('/') ? target : target + "/");
            return HttpTarget.Create(baseAddress, settings.ApiKey!);
        }
        // A fresh service each run, in a folder of the report's: its audit log is there to verify afterwards.
        var dataDir = Path.GetFullPath(Path.Combine(settings.ReportDir, "service"));
        if (Directory.Exists(dataDir))
            Directory.Delete(dataDir, recursive: true);
        Directory.CreateDirectory(dataDir);
        return await InProcessTarget.StartAsync(start, dataDir, null, cancellationToken).ConfigureAwait(false);
    }
}
