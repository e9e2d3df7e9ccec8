using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Enforcement.Host.Tests.Process;

/// <summary>
/// The host run as an operator runs it: a separate process, configured by environment variables only, killed with
/// SIGKILL when a test wants a crash.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process process;
    private readonly StringBuilder output = new();

    private HostProcess(System.Diagnostics.Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the process printed so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public static async Task<HostProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? TestMachine.FreePort()}");
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
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Other tests run hosts at the same time: each silo on ports of its own.
        start.Environment["Enforcement__SiloPort"] = TestMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Enforcement__GatewayPort"] = TestMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, address);
        await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        process.Dispose();
    }

    /// <summary>The host as built beside the tests, in the same configuration (Debug or Release).</summary>
    private static string HostAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryRoot, "src", "Enforcement.Host", "bin", configuration, "net10.0", "Enforcement.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("The host is not built.", path);
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Enforcement.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"No Enforcement.sln above {AppContext.BaseDirectory}.");
        }
    }


    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host was not ready within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
