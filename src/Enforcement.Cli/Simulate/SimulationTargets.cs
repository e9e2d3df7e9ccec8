using Enforcement.Simulation;
using Enforcement.Simulation.Http;

namespace Enforcement.Cli.Simulate;

/// <summary>The service a simulation drives: a running one over HTTP when <c>--target</c> is given, else one in-process.</summary>
public static class SimulationTargets
{
    public static ISimulationTarget Create(SimulateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Target is { } target)
        {
            var baseAddress = new Uri(target.EndsWith('/') ? target : target + "/");
            return HttpTarget.Create(baseAddress, settings.ApiKey!);
        }
        throw new NotSupportedException("in-process target: pending");
    }
}
