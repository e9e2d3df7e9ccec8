using Enforcement.Simulation.Reporting;
using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>One run of a scenario: the roster, the gateway, the calendar of events and the tallies, stepped through time.</summary>
internal sealed class SimulationRun
{
    /// <summary>A legitimate user completes a challenge between these many minutes after meeting it.</summary>
    private const int PassMinMinutes = 2, PassMaxMinutes = 15;

    /// <summary>A campaign's script reaches a challenge and fails it this many minutes after meeting it.</summary>
    private const int FailMinMinutes = 1, FailMaxMinutes = 10;

    /// <summary>Still challenged this long after a report: the account reports again.</summary>
    private static readonly long Retry = TimeSpan.FromHours(1).Ticks;

    private readonly Scenario scenario;
    private readonly ISimulationTarget target;
    private readonly SimulationOptions options;
    private readonly long seed;
    private readonly DateTimeOffset start;
    private readonly long startTicks;
    private readonly long stepTicks;
    private readonly int ticks;
    private readonly int hours;
    private readonly Roster roster;
    private readonly Tally[] tallies;
    private readonly Gateway gateway;
    private readonly ChallengeDesk desk = new();
    private readonly SignalWriter writer;
    private readonly Calendar calendar;
    private readonly List<SimSignal> batch = [];
    private List<SimProfile> profiles = [];
    private long signalsSent, duplicates, profilesSent, batches, stateChanges, challengesReported;
    private long started;

    public SimulationRun(Scenario scenario, ISimulationTarget target, SimulationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        this.scenario = scenario;
        this.target = target;
        this.options = options;
        seed = options.Seed ?? scenario.Seed;
        start = options.Start ?? scenario.Start;
        startTicks = start.UtcTicks;
        stepTicks = scenario.Step.Ticks;
        ticks = (int)((scenario.Duration.Ticks + stepTicks - 1) / stepTicks);
        hours = (int)Math.Ceiling(scenario.Duration / TimeSpan.FromHours(1));
        roster = Roster.Build(scenario, seed, start);
        tallies = [.. Enumerable.Range(0, 1 + roster.Campaigns.Length).Select(_ => new Tally(hours))];
        tallies[0].Accounts = roster.LegitimateAccounts;
        gateway = new Gateway(roster.Find, tallies);
        writer = new SignalWriter(roster.Models, roster.SdkTemplates);
        calendar = new Calendar(startTicks, stepTicks, ticks);
        foreach (var actor in roster.Actors)
            calendar.Add(actor);
    }

    public async Task<SimulationReport> RunAsync(CancellationToken cancellationToken)
    {
        started = options.Clock.GetTimestamp();
        await target.AdvanceAsync(start, cancellationToken).ConfigureAwait(false);
        var hour = 0;
        for (var tick = 0; tick < ticks; tick++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tickStart = startTicks + tick * stepTicks;
            var tickEnd = Math.Min(tickStart + stepTicks, startTicks + scenario.Duration.Ticks);
            await ReportChallengesAsync(tickEnd, cancellationToken).ConfigureAwait(false);
            foreach (var actor in calendar.Take(tick))
            {
                Play(actor, tickEnd);
                calendar.Add(actor);
                if (batch.Count >= options.MaxBatch)
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            var end = SignalWriter.Time(tickEnd);
            await target.AdvanceAsync(end, cancellationToken).ConfigureAwait(false);
            var changes = await target.ReadChangesAsync(cancellationToken).ConfigureAwait(false);
            stateChanges += gateway.Apply(changes, (account, state) => React(account, state, tickEnd));
            var closed = false;
            while (hour < hours && tickEnd >= startTicks + (hour + 1) * TimeSpan.TicksPerHour)
            {
                CloseHour(hour++);
                closed = true;
            }
            if (closed || tick == ticks - 1)
                options.Progress?.Invoke(Progress(tickEnd));
        }
        while (hour < hours)
            CloseHour(hour++);
        return Report();
    }

    /// <summary>Plays an actor's events of this tick: its start, then each attempt through the gateway.</summary>
    private void Play(Actor actor, long tickEnd)
    {
        while (actor.Next < tickEnd)
        {
            if (actor.Starting)
            {
                Open(actor.Begin(), actor.Next);
                actor.Advance();
                continue;
            }
            var exchange = actor.Draw();
            var account = actor.AccountForExchange(out var fresh);
            if (fresh)
                Open(account!, exchange.At);
            var served = account is null ? Served.Refused : Gateway.Serve(account, exchange.At);
            var population = account?.Population ?? ((CampaignSlot)actor).Run.Population;
            tallies[population].Count(Hour(exchange.At), exchange.At, served);
            if (served != Served.Refused)
                writer.Exchange(account!, exchange, batch);
            actor.Advance();
        }
    }

    /// <summary>An account starts: its profile, and the payment instrument it pays with.</summary>
    private void Open(SimAccount account, long at)
    {
        profiles.Add(account.Profile);
        SignalWriter.Payment(account, at, batch);
        if (!account.IsLegitimate)
            tallies[account.Population].Accounts++;
    }

    /// <summary>What an account's owner does on meeting a challenge or a suspension.</summary>
    private void React(SimAccount account, GateState state, long learned)
    {
        if (account.IsLegitimate)
        {
            if (state == GateState.Challenge)
                desk.Schedule(account, learned + Minutes(account, PassMinMinutes, PassMaxMinutes), passed: true);
            return;
        }
        if (account.Retired || account.Slot is not { } slot)
            return;
        var campaign = slot.Run.Campaign;
        if (state == GateState.Suspended)
        {
            if (campaign.ReplaceSuspended || campaign.OnChallenge == ChallengeResponse.Abandon)
                slot.Retire(learned);
            return;
        }
        if (campaign.OnChallenge == ChallengeResponse.Abandon)
            slot.Retire(learned);
        else
            desk.Schedule(account, learned + Minutes(account, FailMinMinutes, FailMaxMinutes), passed: false);
    }

    private async Task ReportChallengesAsync(long until, CancellationToken cancellationToken)
    {
        foreach (var report in desk.Due(until).ToList())
        {
            var account = report.Account;
            var id = $"{account.Id}-challenge-{++account.ChallengeReports}";
            await target.ReportChallengeAsync(account.Id, id, report.Passed, account.ChallengeKind, SignalWriter.Time(report.At), cancellationToken).ConfigureAwait(false);
            challengesReported++;
            if (!report.Passed && account.Slot is { } slot && slot.Run.Campaign.ReplaceSuspended)
                slot.Retire(report.At);
            else
                desk.Schedule(account, report.At + Retry, report.Passed);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (profiles.Count > 0)
        {
            var sending = profiles;
            profiles = [];
            await target.UpdateProfilesAsync(sending, cancellationToken).ConfigureAwait(false);
            profilesSent += sending.Count;
        }
        // Each batch is a list of its own: a target may keep what it was given.
        for (var from = 0; from < batch.Count; from += options.MaxBatch)
        {
            var signals = batch.GetRange(from, Math.Min(options.MaxBatch, batch.Count - from));
            var result = await target.SendAsync(signals, cancellationToken).ConfigureAwait(false);
            if (result.Rejected > 0)
                throw new SimulationException($"the service rejected {result.Rejected} of {signals.Count} signals; the first: {result.FirstRejection}");
            signalsSent += signals.Count;
            duplicates += result.Duplicates;
            batches++;
        }
        batch.Clear();
    }

    private void CloseHour(int hour)
    {
        foreach (var tally in tallies)
            tally.RestrictedAccounts[hour] = tally.CurrentlyRestricted;
    }

    private int Hour(long at) => Math.Min(hours - 1, (int)((at - startTicks) / TimeSpan.TicksPerHour));

    /// <summary>A delay drawn from the account and its challenge, apart from the account's stream of exchanges.</summary>
    private long Minutes(SimAccount account, int min, int max) =>
        TimeSpan.FromMinutes(min + (max - min) * StableHash.Unit(seed, account.Id, account.ChallengeEpisode)).Ticks;

    private TimeSpan Elapsed => options.Clock.GetElapsedTime(started);

    private SimulationProgress Progress(long now) =>
        new(SignalWriter.Time(now), start, start + scenario.Duration, signalsSent, Elapsed);

    private SimulationReport Report()
    {
        var elapsed = Elapsed;
        var throughput = new Throughput(signalsSent, duplicates, profilesSent, batches, stateChanges, challengesReported, elapsed.TotalSeconds,
            elapsed > TimeSpan.Zero ? signalsSent / elapsed.TotalSeconds : 0);
        var campaigns = roster.Campaigns.Select(run => ReportBuilder.Campaign(run.Campaign.Name, tallies[run.Population], run.Replacements, start, scenario.Targets)).ToList();
        var legitimate = ReportBuilder.Legitimate(tallies[0], roster.HydraCustomers);
        return ReportBuilder.Report(scenario, seed, start, [.. campaigns], legitimate, throughput);
    }
}
