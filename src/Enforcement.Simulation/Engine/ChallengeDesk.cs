namespace Enforcement.Simulation.Engine;

/// <summary>
/// The identity system's side of challenges: reports due at a simulated time. A legitimate account passes a few minutes
/// after it is challenged; a campaign account fails. A report is dropped when the account has left that challenge
/// since it was scheduled.
/// </summary>
internal sealed class ChallengeDesk
{
    private readonly PriorityQueue<ChallengeReport, (long Due, long Order)> due = new();
    private long order;

    public void Schedule(SimAccount account, long at, bool passed) =>
        due.Enqueue(new ChallengeReport(account, account.ChallengeEpisode, passed, at), (at, order++));

    /// <summary>The reports due before <paramref name="until"/> that still apply, in time order.</summary>
    public IEnumerable<ChallengeReport> Due(long until)
    {
        while (due.TryPeek(out var report, out var when) && when.Due < until)
        {
            due.Dequeue();
            if (report.Account.State == GateState.Challenge && report.Account.ChallengeEpisode == report.Episode)
                yield return report;
        }
    }
}

internal sealed record ChallengeReport(SimAccount Account, int Episode, bool Passed, long At);
