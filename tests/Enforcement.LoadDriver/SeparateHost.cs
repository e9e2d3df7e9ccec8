using System.Diagnostics;
using System.Globalization;
using Enforcement.Tests;

namespace Enforcement.LoadDriver;

/// <summary>
/// The host as a gateway meets it: its own process (the Release build beside this driver's), configured by
/// environment variables, so that the driver's allocations and timers are not the service's.
/// </summary>
public sealed class SeparateHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDir;

    private SeparateHost(Process process, string dataDir, Uri address)
    {
        this.process = process;
        this.dataDir = dataDir;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SeparateHost> StartAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("enforcement-load-").FullName;
        var address = new Uri($"http://127.0.0.1:{TestMachine.FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { HostAssembly },
            WorkingDirectory = dataDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Enforcement__DataDir"] = dataDir;
        start.Environment["Enforcement__SiloPort"] = TestMachine.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Enforcement__GatewayPort"] = "0";
        start.Environment["Enforcement__ApiKeys__0__Key"] = ServiceUnderTest.AutomationKey;
        start.Environment["Enforcement__ApiKeys__0__Role"] = "automation";
        start.Environment["Enforcement__ApiKeys__0__Name"] = "load driver";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                    return new SeparateHost(process, dataDir, address);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The host did not become ready.");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        TestMachine.DeleteFolder(dataDir);
    }

    private static string HostAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Enforcement.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The host is not built beside the driver.", path);
        }
    }
}
