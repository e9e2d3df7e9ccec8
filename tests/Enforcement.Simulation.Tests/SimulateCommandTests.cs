using System.Globalization;
using System.Text.RegularExpressions;
using Enforcement.Simulation.Reporting;

namespace Enforcement.Simulation.Tests;

[Collection(RunningService.Name)]
public sealed class SimulateCommandTests(ServiceFixture service) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("enforce-simulate-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The HTTP tests' scenario under names of its own, so that runs on the shared service do not meet.</summary>
    private string Scenario(string suffix, string targets = "") =>
        Write($"{suffix}.yaml", HttpTargetTests.Harvest
            .Replace("name: people", $"name: people-{suffix}", StringComparison.Ordinal)
            .Replace("name: cot", $"name: cot-{suffix}", StringComparison.Ordinal) + targets);

    [Fact]
    public async Task Prints_each_problem_of_a_scenario_file_at_its_place_and_exits_2()
    {
        var file = Write("bad.yaml", HttpTargetTests.Harvest.Replace("accounts: 2\n", "acounts: 2\n", StringComparison.Ordinal));

        var (exit, output) = await CliRun.EnforceAsync("simulate", "--scenario", file);

        Assert.True(exit == 2, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 2, output);
        Assert.Equal($"error: {file}:17:5: campaigns: missing field 'accounts'", lines[0]);
        Assert.StartsWith($"error: {file}:18:5: campaigns: unknown field 'acounts'; expected one of name, accounts,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2()
    {
        var (exit, output) = await CliRun.EnforceAsync("simulate", "--scenario", Path.Combine(dir, "nowhere.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("no such scenario file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_a_running_service_writes_both_reports_and_exits_1_when_a_campaign_got_too_much()
    {
        var reports = Path.Combine(dir, "out");

        var (exit, output) = await CliRun.EnforceAsync("simulate", "--scenario", Scenario("strict"), "--target", service.Address.ToString(),
            "--api-key", ServiceFixture.AutomationKey, "--report-dir", reports);

        Assert.True(exit == 1, output);
        Assert.Contains("a target was not met", output, StringComparison.Ordinal);
        var report = ReportWriter.FromJson(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        Assert.Equal("cot-strict", Assert.Single(report.Campaigns).Name);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(reports, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_0_when_every_target_of_the_scenario_is_met()
    {
        var lenient = """

            targets:
              max_unrestricted_share: 0.6
              min_signals_per_second: 0
            """;

        var (exit, output) = await CliRun.EnforceAsync("simulate", "--scenario", Scenario("lenient", lenient), "--target", service.Address.ToString(),
            "--api-key", ServiceFixture.AutomationKey, "--report-dir", Path.Combine(dir, "out"));

        Assert.True(exit == 0, output);
        Assert.Contains("every target met", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_prints_the_grain_calls_and_store_writes_each_signal_cost()
    {
        var lenient = """

            targets:
              max_unrestricted_share: 1
              min_signals_per_second: 0
            """;

        var (exit, output) = await CliRun.EnforceAsync("simulate", "--scenario", Scenario("work", lenient), "--report-dir", Path.Combine(dir, "out"));

        Assert.True(exit == 0, output);
        var calls = Regex.Match(output, @"grain calls per signal: account ([\d.]+), entity ([\d.]+) \(([\d.]+) entries a call\), cluster map ([\d.]+)");
        var writes = Regex.Match(output, @"store writes per signal: ([\d.]+) in ([\d.]+) flushes");
        Assert.True(calls.Success && writes.Success, output);
        double Figure(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        // Five accounts sending hundreds of signals: an account call carries a few of them, every account pays with a
        // card the payment policy judges, and each account call and each entity call is a commit of its own.
        Assert.InRange(Figure(calls, 1), 0.05, 1);
        Assert.InRange(Figure(calls, 2), 0.05, 1);
        Assert.True(Figure(calls, 3) >= 1, output);
        Assert.True(Figure(writes, 1) >= Figure(calls, 1) + Figure(calls, 2) - 0.02, output);
        Assert.InRange(Figure(writes, 2), 0.001, Figure(writes, 1));
    }

    [Fact]
    public async Task Refuses_a_scale_outside_zero_to_one_and_a_target_without_a_key()
    {
        var (scaleExit, scaleOutput) = await CliRun.EnforceAsync("simulate", "--scale", "3");
        var (keyExit, keyOutput) = await CliRun.EnforceAsync("simulate", "--target", "http://localhost:1");

        Assert.NotEqual(0, scaleExit);
        Assert.Contains("--scale: 3 is not in (0, 1]", scaleOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, keyExit);
        Assert.Contains("--target needs --api-key", keyOutput, StringComparison.Ordinal);
    }
}
