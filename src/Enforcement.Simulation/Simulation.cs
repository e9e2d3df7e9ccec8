using Enforcement.Simulation.Engine;
using Enforcement.Simulation.Reporting;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation;

/// <summary>Runs a scenario against the service and reports what each campaign got and what legitimate accounts suffered.</summary>
public static class Simulation
{
    /// <summary>
    /// Ticks through simulated time from the scenario's start (or <see cref="SimulationOptions.Start"/>), one step at a
    /// time: the step's challenge reports, the profiles and signals of what the gateway served, then
    /// <see cref="ISimulationTarget.AdvanceAsync"/> to the step's end and one <see cref="ISimulationTarget.ReadChangesAsync"/>.
    /// The target is first advanced to the start, so its clock should start at or before it.
    /// </summary>
    /// <exception cref="SimulationException">The service rejected a signal or answered what the simulator cannot follow.</exception>
    public static async Task<SimulationReport> RunAsync(Scenario scenario, ISimulationTarget target, SimulationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var scaled = ScenarioScaling.Scale(scenario, options.Scale);
        var run = new SimulationRun(scaled, target, options);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
