namespace Enforcement.Simulation;

/// <summary>
/// The service as the simulator drives it: in-process, or a running one over HTTP. Calls come from one caller, one at a
/// time, in simulated-time order.
/// </summary>
public interface ISimulationTarget : IAsyncDisposable
{
    Task UpdateProfilesAsync(IReadOnlyList<SimProfile> profiles, CancellationToken cancellationToken);

    Task<SendResult> SendAsync(IReadOnlyList<SimSignal> signals, CancellationToken cancellationToken);

    /// Lets the service's time reach `now`: timers due by then (expiry, decay, delayed actions) run.
    Task AdvanceAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// Enforcement changes since the last call, in feed order (the gateway's local copy follows these).
    Task<IReadOnlyList<SimStateChange>> ReadChangesAsync(CancellationToken cancellationToken);

    Task ReportChallengeAsync(string account, string id, bool passed, string? kind, DateTimeOffset at, CancellationToken cancellationToken);
}
