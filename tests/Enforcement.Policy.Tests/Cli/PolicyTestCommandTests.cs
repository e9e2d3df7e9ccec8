namespace Enforcement.Policy.Tests.Cli;

public sealed class PolicyTestCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("enforce-test-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(dir, file), text);

    private const string Policy = """
        apiVersion: enforcement/v1
        kind: Policy
        id: test.volume
        version: 1
        title: Volume
        owner: tests
        severity: low
        scope: account
        when: count(request, 1h) >= 100
        ladder:
          - throttle: { rpm: 20, for: 6h }
        tests:
          - name: fires at a hundred requests
            subject: a-1
            signals:
              - { at: 0s, every: 10s, count: 100, type: request }
            expect:
              - { at: 20m, state: throttle, rpm: RPM }
        """;

    [Fact]
    public void A_failing_expectation_is_reported_at_its_place_and_fails_the_run()
    {
        Write("signals.yaml", PolicySets.Catalog);
        Write("volume.yaml", Policy.Replace("RPM", "25", StringComparison.Ordinal));

        var (exit, output) = CliRun.Enforce("policy", "test", dir);

        Assert.Equal(1, exit);
        var lines = CliRun.Lines(output);
        Assert.Contains($"{Path.Combine(dir, "volume.yaml")}:18:9: test 'fires at a hundred requests' at 20m: expected rpm 25, found rpm 20 (state throttle, rung 1)", lines);
        Assert.Equal("0 passed, 1 failed", lines[^1]);
    }

    [Fact]
    public void A_passing_expectation_passes()
    {
        Write("signals.yaml", PolicySets.Catalog);
        Write("volume.yaml", Policy.Replace("RPM", "20", StringComparison.Ordinal));

        var (exit, output) = CliRun.Enforce("policy", "test", dir);

        Assert.Equal(0, exit);
        Assert.Equal("1 passed, 0 failed", CliRun.Lines(output)[^1]);
    }

    [Fact]
    public void A_set_that_does_not_lint_runs_no_test()
    {
        Write("signals.yaml", PolicySets.Catalog);
        Write("volume.yaml", Policy.Replace("RPM", "20", StringComparison.Ordinal).Replace("count(request", "count(requests", StringComparison.Ordinal));

        var (exit, output) = CliRun.Enforce("policy", "test", dir);

        Assert.Equal(1, exit);
        Assert.Contains(CliRun.Lines(output), l => l.StartsWith($"{Path.Combine(dir, "volume.yaml")}:9:13: unknown signal 'requests'", StringComparison.Ordinal));
        Assert.DoesNotContain(CliRun.Lines(output), l => l.EndsWith("failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_names_a_missing_folder()
    {
        var (exit, output) = CliRun.Enforce("policy", "lint", Path.Combine(dir, "nope"));

        Assert.NotEqual(0, exit);
        Assert.Contains("no such folder", output, StringComparison.Ordinal);
    }
}
