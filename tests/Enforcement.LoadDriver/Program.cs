using System.Globalization;
using System.Net.Http.Headers;
using Enforcement.LoadDriver;
using Enforcement.Runtime.Accounts;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/Enforcement.LoadDriver -- [all|grains|http|checks|audit|memory|floor] [--quick]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
var scale = quick ? 0.1 : 1.0;
var rows = new List<(string Measure, string Figure, string Target, bool Met)>();
var now = TimeProvider.System.GetUtcNow();

if (what is "all" or "audit")
{
    var perSecond = await AuditAppend.RunAsync(subjects: 4_096, recordsPerCommit: 4, committers: 256, TimeSpan.FromSeconds(10 * scale));
    rows.Add(("hash-chained audit records appended durably", $"{perSecond:N0} /s", ">= 20,000 /s", perSecond >= 20_000));
}

if (what is "all" or "grains" or "checks")
{
    await using var service = await ServiceUnderTest.StartAsync();
    const int accounts = 20_000;
    var workload = new Workload(accounts, now.AddMinutes(-50));
    const int batchSize = 5_000;
    var batches = (int)(150 * scale);
    var next = 0;

    // Warm up: every account active, the JIT's second tier done, SQLite's caches warm.
    var warmUp = (int)(60 * scale);
    await GrainIngest.RunAsync(service.Grains, workload, next, warmUp, batchSize, inFlight: 4);
    next += warmUp;

    if (what is "all" or "grains")
    {
        var perSecond = await GrainIngest.RunAsync(service.Grains, workload, next, batches, batchSize, inFlight: 4);
        next += batches;
        rows.Add(("signals ingested through grains, in process, durable", $"{perSecond:N0} /s", ">= 100,000 /s", perSecond >= 100_000));
    }

    if (what is "all" or "checks")
    {
        var (perSecond, p50, p99) = await StateChecks.InProcessAsync(service.Services.GetRequiredService<SiloEnforcementStates>(), accounts, workers: 4, TimeSpan.FromSeconds(10 * scale));
        rows.Add(("enforcement state checks, in process", $"{perSecond:N0} /s, p50 {p50:F3} ms, p99 {p99:F3} ms", ">= 100,000 /s, p99 < 1 ms", perSecond >= 100_000 && p99 < 1));
    }
}

if (what is "all" or "http")
{
    // The host in a process of its own, as a gateway and a detector meet it over loopback.
    await using var host = await SeparateHost.StartAsync();
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = host.Address,
        Timeout = TimeSpan.FromMinutes(2),
    };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceUnderTest.AutomationKey);
    const int accounts = 20_000;
    var workload = new Workload(accounts, now.AddMinutes(-50), seed: 43);
    const int batchSize = 5_000;
    var warmUp = (int)(40 * scale);
    await HttpIngest.RunAsync(client, workload, 0, warmUp, batchSize, inFlight: 4);

    var batches = (int)(100 * scale);
    var perSecond = await HttpIngest.RunAsync(client, workload, warmUp, batches, batchSize, inFlight: 4);
    rows.Add(("signals through POST /v1/signals over loopback, durable", $"{perSecond:N0} /s", ">= 50,000 /s", perSecond >= 50_000));

    // The ingest's flushes and collections settle first: what follows measures the state checks.
    await Task.Delay(TimeSpan.FromSeconds(3));
    var (rate, p50, p99) = await StateChecks.OverHttpAsync(client, accounts, rate: 5_000, TimeSpan.FromSeconds(10 * scale));
    rows.Add(("GET /v1/accounts/{id}/enforcement at 5,000 /s over loopback", $"{rate:N0} /s, p50 {p50:F3} ms, p99 {p99:F3} ms", "p99 < 2 ms", p99 < 2));
}

if (what is "all" or "floor")
{
    // A simulated minute at full scale: about 1,700 signals, 500 account calls, 500 entity calls, 1,000 commits. The
    // full run makes about 4.7 million account commits and 4.1 million entity commits; the floor fills a third of that.
    const int wave = 500;
    var total = (int)(1_500_000 * scale);
    var (ingestLast, ingestAll) = await Floor.CommitsAsync(accounts: 20_000, signalsPerCommit: 3, payloadBytes: 460, wave, total);
    rows.Add(($"floor: commits of an account's ingest of 3 signals (journal entry, 3 receipts), waves of 500, synchronous=NORMAL, the last tenth of {total:N0}", $"{ingestLast:N0} /s ({ingestAll:N0} /s over all)", "", true));
    var (absorbLast, absorbAll) = await Floor.CommitsAsync(accounts: 20_000, signalsPerCommit: 0, payloadBytes: 60, wave, total);
    rows.Add(($"floor: commits of an entity's absorb (a journal entry), waves of 500, synchronous=NORMAL, the last tenth of {total:N0}", $"{absorbLast:N0} /s ({absorbAll:N0} /s over all)", "", true));
    await using var service = await ServiceUnderTest.StartAsync();
    var calls = await Floor.GrainCallsAsync(service.Grains, accounts: 20_000, wave, TimeSpan.FromSeconds(10 * scale));
    rows.Add(("floor: grain calls that do nothing, waves of 500", $"{calls:N0} /s", "", true));
}

if (what is "all" or "memory")
{
    await using var service = await ServiceUnderTest.StartAsync();
    var (bytes, accounts) = await MemoryPerAccount.RunAsync(service.Grains, (int)(20_000 * scale), signalsPerAccount: 40);
    rows.Add(($"managed memory per active account ({accounts:N0} accounts, 40 signals each, default pack)", $"{bytes:N0} B", "<= 4,096 B", bytes <= 4096));
}

Console.WriteLine();
Console.WriteLine("| measure | figure | target | met |");
Console.WriteLine("| --- | --- | --- | --- |");
foreach (var (measure, figure, target, met) in rows)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {measure} | {figure} | {target} | {(met ? "yes" : "no")} |"));
return 0;
