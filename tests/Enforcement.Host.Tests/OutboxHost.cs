using System.Globalization;
using System.Net.Http.Headers;
using Enforcement.Host.Outbox;
using Enforcement.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcement.Host.Tests;

/// <summary>
/// A real host whose outbox pushes to a receiver, looking every 100 ms and backing off at most 200 ms. Unlike
/// <see cref="HostFixture"/> it is one per test and leaves its data folder behind, so that a second host can start
/// where the first stopped.
/// </summary>
public sealed class OutboxHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private OutboxHost(WebApplication app, Uri address)
    {
        this.app = app;
        Automation = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Automation.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostFixture.Keys["automation"]);
        Anonymous = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Reviewer = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Reviewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostFixture.Keys["reviewer"]);
    }

    public HttpClient Reviewer { get; }

    public HttpClient Automation { get; }

    public HttpClient Anonymous { get; }

    public IEnforcementStore Store => app.Services.GetRequiredService<IEnforcementStore>();

    public string Destination => app.Services.GetRequiredService<OutboxDelivery>().Destination;

    public static async Task<OutboxHost> StartAsync(string dataDir, Uri outbox, string timeout = "00:00:02")
    {
        var policyDir = Path.Combine(dataDir, "policies");
        TestPack.WriteTo(policyDir);
        var settings = new Dictionary<string, string?>
        {
            ["Enforcement:DataDir"] = dataDir,
            ["Enforcement:PolicyDir"] = policyDir,
            ["Enforcement:SiloPort"] = TestMachine.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Enforcement:GatewayPort"] = "0",
            ["Enforcement:ApiKeys:0:Key"] = HostFixture.Keys["automation"],
            ["Enforcement:ApiKeys:0:Role"] = "automation",
            ["Enforcement:ApiKeys:0:Name"] = "test-automation",
            ["Enforcement:ApiKeys:1:Key"] = HostFixture.Keys["reviewer"],
            ["Enforcement:ApiKeys:1:Role"] = "reviewer",
            ["Enforcement:ApiKeys:1:Name"] = "test-reviewer",
            ["Enforcement:Outbox:Url"] = outbox.ToString(),
            ["Enforcement:Outbox:Interval"] = "00:00:00.100",
            ["Enforcement:Outbox:MaxBackoff"] = "00:00:00.200",
            ["Enforcement:Outbox:Timeout"] = timeout,
        };
        var (app, address) = await TestHost.StartAsync(settings, LogLevel.Error);
        return new OutboxHost(app, address);
    }

    /// <summary>Waits until the durable position reaches <paramref name="cursor"/>, and returns it.</summary>
    public async Task<long> WaitForPositionAsync(long cursor)
    {
        var position = 0L;
        for (var attempt = 0; attempt < 200 && position < cursor; attempt++)
        {
            position = await Store.ReadPositionAsync(Destination);
            if (position < cursor)
                await Task.Delay(50);
        }
        Assert.True(position >= cursor, $"The outbox's position is {position}, not yet {cursor}, after 10 s.");
        return position;
    }

    /// <summary>The value of a counter in <c>/metrics</c>, 0 when it has no sample yet.</summary>
    public async Task<double> CounterAsync(string name)
    {
        var text = await Anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Automation.Dispose();
        Anonymous.Dispose();
        await TestHost.StopAsync(app);
    }
}
