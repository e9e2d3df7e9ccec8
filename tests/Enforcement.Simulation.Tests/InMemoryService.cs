using Enforcement.Simulation;

namespace Enforcement.Simulation.Tests;

/// <summary>
/// A stand-in for the service, for testing the simulator: it takes every signal, keeps them all, and applies one
/// trivial rule if given (suspend an account at its Nth <c>request</c>, say), publishing the change at the next
/// <see cref="AdvanceAsync"/> as the real service's feed would.
/// </summary>
public sealed class InMemoryService(Func<InMemoryService, SimSignal, SimStateChange?>? rule = null, bool keep = true) : ISimulationTarget
{
    private readonly List<SimStateChange> pending = [];
    private readonly List<SimStateChange> published = [];
    private readonly Dictionary<string, int> requests = new(StringComparer.Ordinal);

    public List<SimSignal> Signals { get; } = [];

    public long SignalCount { get; private set; }

    public List<SimProfile> Profiles { get; } = [];

    public List<(string Account, string Id, bool Passed, string? Kind, DateTimeOffset At)> Challenges { get; } = [];

    public DateTimeOffset Now { get; private set; }

    public int Batches { get; private set; }

    public int LargestBatch { get; private set; }

    public Dictionary<string, string> States { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>request</c> signals seen for an account so far.</summary>
    public int Requests(string account) => requests.GetValueOrDefault(account);

    /// <summary>Publishes a change at the next advance, as a decision of the service would be.</summary>
    public void Decide(SimStateChange change) => pending.Add(change);

    public Task UpdateProfilesAsync(IReadOnlyList<SimProfile> profiles, CancellationToken cancellationToken)
    {
        Profiles.AddRange(profiles);
        return Task.CompletedTask;
    }

    public Task<SendResult> SendAsync(IReadOnlyList<SimSignal> signals, CancellationToken cancellationToken)
    {
        Batches++;
        LargestBatch = Math.Max(LargestBatch, signals.Count);
        SignalCount += signals.Count;
        foreach (var signal in signals)
        {
            if (keep)
                Signals.Add(signal);
            if (signal.Type == "request")
                requests[signal.Account] = requests.GetValueOrDefault(signal.Account) + 1;
            if (rule?.Invoke(this, signal) is { } change)
                pending.Add(change);
        }
        return Task.FromResult(new SendResult(signals.Count, 0, 0, null));
    }

    public Task AdvanceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Now = now;
        foreach (var change in pending)
        {
            if (States.GetValueOrDefault(change.Account, "allow") != change.State)
            {
                States[change.Account] = change.State;
                published.Add(change);
            }
        }
        pending.Clear();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SimStateChange>> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var changes = published.ToList();
        published.Clear();
        return Task.FromResult<IReadOnlyList<SimStateChange>>(changes);
    }

    public Task ReportChallengeAsync(string account, string id, bool passed, string? kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Challenges.Add((account, id, passed, kind, at));
        if (passed)
            Decide(new SimStateChange(account, "allow", null, null, at));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
