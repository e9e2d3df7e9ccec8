namespace Enforcement.Simulation.Engine;

/// <summary>
/// The API gateway in front of the model: it serves or refuses each exchange by the account's state as last learned
/// from the service's change feed. <c>allow</c> serves; <c>throttle</c> serves up to its rpm per minute;
/// <c>challenge</c> and <c>suspended</c> refuse. It never asks the service per request: what it has not yet learned
/// (a change taken during the current step) it does not enforce.
/// </summary>
internal sealed class Gateway(Func<string, SimAccount?> find, Tally[] tallies)
{
    public static Served Serve(SimAccount account, long at)
    {
        switch (account.State)
        {
            case GateState.Allow:
                return Served.Unrestricted;
            case GateState.Throttle:
                var minute = at / TimeSpan.TicksPerMinute;
                if (minute != account.Minute)
                {
                    account.Minute = minute;
                    account.ServedInMinute = 0;
                }
                if (account.ServedInMinute >= account.Rpm)
                    return Served.Refused;
                account.ServedInMinute++;
                return Served.Restricted;
            default:
                return Served.Refused;
        }
    }

    /// <summary>
    /// Follows the feed's changes; calls <paramref name="entered"/> for each account that enters a challenge or a
    /// suspension. Changes for accounts the simulation does not know (another client's) are passed over.
    /// </summary>
    public int Apply(IReadOnlyList<SimStateChange> changes, Action<SimAccount, GateState> entered)
    {
        var applied = 0;
        foreach (var change in changes)
        {
            if (find(change.Account) is not { } account)
                continue;
            var state = Parse(change.State);
            var before = account.State;
            account.Rpm = change.Rpm ?? 0;
            account.ChallengeKind = change.Challenge;
            if (state == before)
                continue;
            applied++;
            account.State = state;
            var tally = tallies[account.Population];
            if (before == GateState.Allow)
                tally.CurrentlyRestricted++;
            else if (state == GateState.Allow)
                tally.CurrentlyRestricted--;
            if (state != GateState.Allow && !account.EverRestricted)
            {
                tally.EverRestricted++;
                if (account.HydraCustomer)
                    tally.HydraCustomersRestricted++;
            }
            switch (state)
            {
                case GateState.Throttle when !account.EverThrottled:
                    account.EverThrottled = true;
                    tally.Throttled++;
                    break;
                case GateState.Challenge when !account.EverChallenged:
                    account.EverChallenged = true;
                    tally.Challenged++;
                    break;
                case GateState.Suspended when !account.EverSuspended:
                    account.EverSuspended = true;
                    tally.Suspended++;
                    break;
            }
            if (state == GateState.Challenge)
                account.ChallengeEpisode++;
            if (state is GateState.Challenge or GateState.Suspended)
                entered(account, state);
        }
        return applied;
    }

    private static GateState Parse(string state) => state switch
    {
        "allow" => GateState.Allow,
        "throttle" => GateState.Throttle,
        "challenge" => GateState.Challenge,
        "suspended" => GateState.Suspended,
        _ => throw new SimulationException($"the change feed reported state '{state}'; expected allow, throttle, challenge or suspended"),
    };
}
