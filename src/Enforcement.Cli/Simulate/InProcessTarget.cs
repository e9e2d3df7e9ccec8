using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Enforcement.Host;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;
using Enforcement.Runtime.Timers;
using Enforcement.Simulation;
using Enforcement.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcement.Cli.Simulate;

/// <summary>
/// The whole service in this process (silo, store, policy set, jobs), driven through its grains rather than HTTP, on
/// the simulation's clock: what the gateway and detectors would do, without the wire in between. Its data folder is a
/// fresh one, kept afterwards so that the audit log can be verified (<c>enforce audit verify --db</c>).
/// </summary>
internal sealed class InProcessTarget : ISimulationTarget
{
    private const int FeedPage = 10_000;

    private readonly WebApplication app;
    private readonly SimulationClock clock;
    private readonly IGrainFactory grains;
    private readonly IEnforcementStore store;
    private readonly DueSubjects due;
    private readonly Spreading spreading;
    private readonly ServiceWork work;
    private long cursor;

    private InProcessTarget(WebApplication app, SimulationClock clock)
    {
        this.app = app;
        this.clock = clock;
        grains = app.Services.GetRequiredService<IGrainFactory>();
        store = app.Services.GetRequiredService<IEnforcementStore>();
        due = app.Services.GetRequiredService<DueSubjects>();
        spreading = app.Services.GetRequiredService<Spreading>();
        work = new ServiceWork(app.Services.GetRequiredService<IMeterFactory>());
    }

    public string DataDir { get; private init; } = "";

    /// <summary>The grain calls and store writes made so far.</summary>
    public WorkDone Work => work.Done;

    public static async Task<InProcessTarget> StartAsync(DateTimeOffset start, string dataDir, string? policyDir, CancellationToken cancellationToken)
    {
        var clock = new SimulationClock(start);
        var settings = new List<string>
        {
            $"--Enforcement:DataDir={dataDir}",
            "--urls=http://127.0.0.1:0",
            // A throwaway service: commits wait for the process, not the disk, so that the run measures deciding.
            "--Enforcement:Synchronous=Normal",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
            "--Logging:LogLevel:Microsoft=Error",
            // Far-off jobs: the simulator lets time pass itself, tick by tick.
            "--Enforcement:TimerInterval=01:00:00",
            $"--Enforcement:SiloPort={FreePort()}",
            $"--Enforcement:GatewayPort={FreePort()}",
        };
        if (policyDir is not null)
            settings.Add($"--Enforcement:PolicyDir={policyDir}");
        var app = EnforcementHost.Build([.. settings], builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync(cancellationToken);
        return new InProcessTarget(app, clock) { DataDir = dataDir };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task UpdateProfilesAsync(IReadOnlyList<SimProfile> profiles, CancellationToken cancellationToken)
    {
        work.AccountCalls(profiles.Count);
        await Parallel.ForEachAsync(profiles, new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = cancellationToken },
            async (p, _) => await grains.GetGrain<IAccountGrain>(p.Account).UpdateProfile(new ProfileUpdate(p.Created, p.Tier, p.Region, p.Verified)));
    }

    public async Task<SendResult> SendAsync(IReadOnlyList<SimSignal> signals, CancellationToken cancellationToken)
    {
        var byAccount = new Dictionary<string, ImmutableArray<SignalInput>.Builder>(StringComparer.Ordinal);
        for (var i = 0; i < signals.Count; i++)
        {
            var s = signals[i];
            if (!byAccount.TryGetValue(s.Account, out var list))
                byAccount[s.Account] = list = ImmutableArray.CreateBuilder<SignalInput>();
            list.Add(new SignalInput(i, s.Id, s.Account, s.Type, s.Value, s.Category, s.At, s.Attrs));
        }
        work.AccountCalls(byAccount.Count);
        var results = await Task.WhenAll(byAccount.Select(a => grains.GetGrain<IAccountGrain>(a.Key).Ingest(a.Value.ToImmutable())));
        var rejected = results.SelectMany(r => r.Rejected).OrderBy(r => r.Index).ToList();
        return new SendResult(
            results.Sum(r => r.Accepted),
            results.Sum(r => r.Duplicates),
            rejected.Count,
            rejected.Count == 0 ? null : $"{rejected[0].Id}: {rejected[0].Reason}");
    }

    public async Task AdvanceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        clock.Set(now);
        await spreading.Idle;
        await due.AdvanceAsync(now, null, cancellationToken);
        await spreading.Idle;
    }

    public async Task<IReadOnlyList<SimStateChange>> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var changes = new List<SimStateChange>();
        while (true)
        {
            var page = await store.ReadChangesAsync(cursor, FeedPage, cancellationToken);
            foreach (var stored in page)
            {
                var view = JsonSerializer.Deserialize<EnforcementView>(stored.Change.Body, JsonSerializerOptions.Web)!;
                changes.Add(new SimStateChange(stored.Change.Account, stored.Change.State, view.Rpm, view.Challenge, stored.Change.At));
                cursor = stored.Cursor;
            }
            if (page.Length < FeedPage)
                return changes;
        }
    }

    public async Task ReportChallengeAsync(string account, string id, bool passed, string? kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        work.AccountCalls(1);
        await grains.GetGrain<IAccountGrain>(account).ReportChallenge(new ChallengeReport(id, passed, kind, at));
    }

    public async ValueTask DisposeAsync()
    {
        work.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
