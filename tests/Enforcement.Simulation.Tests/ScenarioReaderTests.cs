using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Tests;

public sealed class ScenarioReaderTests
{
    private static ScenarioException Fails(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioReader.Parse(yaml, "bad.yaml"));

    [Fact]
    public void Reads_the_shipped_scenario_shaped_like_the_published_campaigns()
    {
        var scenario = ScenarioReader.Shipped();

        Assert.Equal(24_000, scenario.Campaigns.Sum(c => c.Accounts));
        Assert.Equal([150_000L, 3_400_000L, 13_000_000L], scenario.Campaigns.Select(c => c.Exchanges));
        Assert.Equal(20_000, scenario.Hydra!.Accounts);
        Assert.Contains(scenario.Campaigns, c => c.HydraShare > 0);
        var pivot = Assert.Single(scenario.Campaigns, c => c.Pivot is not null).Pivot!;
        Assert.Equal((0.5, TimeSpan.FromHours(24)), (pivot.Share, pivot.Within));
        Assert.InRange(scenario.Population.Sum(g => g.Accounts), 20_000, 60_000);
        Assert.Equal(new Targets(), scenario.Targets);
    }

    [Fact]
    public void The_file_in_the_repository_is_the_one_built_into_the_tool()
    {
        var file = ScenarioReader.ReadFile(Path.Combine(RepositoryPaths.Root, "scenarios", "distillation.yaml"));
        var shipped = ScenarioReader.Shipped();

        Assert.Equal(file.Campaigns, shipped.Campaigns, (a, b) => a.Name == b.Name && a.Exchanges == b.Exchanges && a.Accounts == b.Accounts);
        Assert.Equal(file.Seed, shipped.Seed);
    }

    [Fact]
    public void Reads_counts_durations_and_mixes_of_a_campaign()
    {
        var scenario = TestScenarios.Small(campaignExtra: """
                pacing: { every: 1h, burst: 20m }
                replace_suspended: true
                replacement_lag: 15m
                on_challenge: abandon
            """);

        var campaign = Assert.Single(scenario.Campaigns);
        Assert.Equal(new Pacing(TimeSpan.FromHours(1), TimeSpan.FromMinutes(20)), campaign.Pacing);
        Assert.True(campaign.ReplaceSuspended);
        Assert.Equal(TimeSpan.FromMinutes(15), campaign.ReplacementLag);
        Assert.Equal(ChallengeResponse.Abandon, campaign.OnChallenge);
        Assert.Equal(0.7, campaign.Capabilities.Share("reasoning"), 6);
        Assert.Equal(4, campaign.PaymentInstruments);
        Assert.Equal(TimeSpan.FromHours(2), campaign.Pivot!.At);
    }

    [Fact]
    public void Reports_an_unknown_field_at_its_line_and_column_naming_the_known_ones()
    {
        var yaml = TestScenarios.Yaml(campaignExtra: "    replace_suspend: true");

        var error = Assert.Single(Fails(yaml).Errors);

        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("replace_suspend:", StringComparison.Ordinal)) + 1;
        Assert.Equal(("bad.yaml", line, 5), (error.File, error.Line, error.Column));
        Assert.Contains("unknown field 'replace_suspend'", error.Message, StringComparison.Ordinal);
        Assert.Contains("replace_suspended", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:5: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_problem_each_at_its_value()
    {
        var yaml = TestScenarios.Yaml(campaignExtra: """
                devices: many
                on_challenge: shrug
                hydra_share: 0.5
            """);

        var errors = Fails(yaml).Errors;

        Assert.Collection(
            errors,
            e => Assert.Equal("devices: a whole number is expected", e.Message),
            e => Assert.Equal("on_challenge: 'shrug' is not one of fail, abandon", e.Message),
            e => Assert.Equal("hydra_share: the scenario declares no hydra to route through", e.Message));
        // Each at its value: after "    devices: ", "    on_challenge: " and "    hydra_share: ".
        Assert.Equal([14, 19, 18], errors.Select(e => e.Column));
    }

    [Fact]
    public void Reports_a_yaml_syntax_error_where_it_is()
    {
        var error = Assert.Single(Fails("apiVersion: enforcement/v1\nkind: Scenario\nname: [unclosed\n").Errors);

        Assert.Equal(4, error.Line);
        Assert.Equal("bad.yaml", error.File);
    }

    [Fact]
    public void Rejects_a_file_of_another_kind_or_version()
    {
        var yaml = TestScenarios.Yaml().Replace("kind: Scenario", "kind: Policy", StringComparison.Ordinal)
            .Replace("enforcement/v1", "enforcement/v2", StringComparison.Ordinal);

        var errors = Fails(yaml).Errors;

        Assert.Equal(["apiVersion: 'enforcement/v2' is not supported; expected enforcement/v1", "kind: 'Policy' is not a scenario; expected Scenario"], errors.Select(e => e.Message));
        Assert.Equal([1, 2], errors.Select(e => e.Line));
    }

    [Fact]
    public void Rejects_a_capability_the_catalog_does_not_have_and_a_model_the_scenario_does_not_declare()
    {
        var yaml = TestScenarios.Yaml()
            .Replace("{ chat: 0.6, coding: 0.4 }", "{ chat: 0.6, poetry: 0.4 }", StringComparison.Ordinal)
            .Replace("model: m-5, share", "model: m-9, share", StringComparison.Ordinal);

        var messages = Fails(yaml).Errors.Select(e => e.Message).ToList();

        Assert.Contains("capabilities: 'poetry' is not one of chat, reasoning, coding, tool_use, vision, other", messages);
        Assert.Contains("pivot.model: 'm-9' is not one of the scenario's models", messages);
    }

    [Fact]
    public void Rejects_a_campaign_that_outlasts_the_scenario_and_a_step_longer_than_the_clock_skew()
    {
        var yaml = TestScenarios.Yaml(campaignExtra: "    start: 1h").Replace("step: 1m", "step: 10m", StringComparison.Ordinal);

        var messages = Fails(yaml).Errors.Select(e => e.Message).ToList();

        Assert.Contains("step: 10m is out of range; expected 1s..5m", messages);
        Assert.Contains("duration: the campaign ends at 7h, after the scenario (6h)", messages);
    }

    [Fact]
    public void Rejects_two_populations_of_the_same_name_because_they_would_share_account_ids()
    {
        var yaml = TestScenarios.Yaml(legitimateExtra: """
              - name: harvest
                accounts: 1
                volume: { pareto: { min: 1, alpha: 2 } }
                capabilities: { chat: 1 }
            """);

        var error = Assert.Single(Fails(yaml).Errors);

        Assert.StartsWith("name: 'harvest' is already the name of a group, the hydra or a campaign", error.Message, StringComparison.Ordinal);
    }
}
