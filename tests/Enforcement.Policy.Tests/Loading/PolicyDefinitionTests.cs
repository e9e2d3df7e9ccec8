using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>What a valid file becomes: every field, its defaults, its positions and its revision.</summary>
public class PolicyDefinitionTests
{
    private static PolicyDefinition Single(string text)
    {
        var result = LoadPolicy(text);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Policies);
    }

    [Fact]
    public void The_design_example_loads_as_written()
    {
        var policy = Single(DesignPolicy);

        Assert.Equal("distillation.cot-elicitation", policy.Id);
        Assert.Equal(3, policy.Version);
        Assert.Equal("Systematic chain-of-thought elicitation", policy.Title);
        Assert.Equal("trust-and-safety", policy.Owner);
        Assert.Equal(Severity.High, policy.Severity);
        Assert.Equal(Scope.Account, policy.Scope);
        Assert.Equal(PolicyMode.Enforce, policy.Mode);
        Assert.Equal("count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 && account.age < 30d", policy.When.Text);
        Assert.Equal(TimeSpan.FromHours(1), policy.Cooldown);
        Assert.Equal(TimeSpan.FromDays(14), policy.Decay);
        Assert.Equal("p.yaml", policy.File);
        Assert.Equal(new SourceSpan("p.yaml", 3, 5), policy.At);
        Assert.Empty(policy.Tests);
    }

    [Fact]
    public void The_ladder_keeps_its_rungs_actions_parameters_and_places()
    {
        var ladder = Single(DesignPolicy).Ladder;

        Assert.Equal(3, ladder.Length);
        Assert.Equal(
            new EnforcementAction(ActionKind.Throttle, new SourceSpan("p.yaml", 13, 5), For: TimeSpan.FromHours(6), Rpm: 20),
            Assert.Single(ladder[0].Actions));
        Assert.Equal(
            new EnforcementAction(ActionKind.Challenge, new SourceSpan("p.yaml", 14, 5), Challenge: "identity"),
            Assert.Single(ladder[1].Actions));
        Assert.Equal<EnforcementAction>(
            [
                new EnforcementAction(ActionKind.Suspend, new SourceSpan("p.yaml", 15, 5), For: TimeSpan.FromDays(30)),
                new EnforcementAction(ActionKind.Escalate, new SourceSpan("p.yaml", 16, 5), Queue: "threat-intel", Priority: "high"),
            ],
            ladder[2].Actions);
        Assert.Equal([13, 14, 15], ladder.Select(r => r.At.Line));
        Assert.All(ladder, rung => Assert.Null(rung.Delay));
    }

    [Fact]
    public void Mode_cooldown_and_decay_default_to_enforce_one_hour_and_seven_days()
    {
        var policy = Single(MinimalPolicy);

        Assert.Equal(PolicyMode.Enforce, policy.Mode);
        Assert.Equal(TimeSpan.FromHours(1), policy.Cooldown);
        Assert.Equal(TimeSpan.FromDays(7), policy.Decay);
        Assert.Empty(policy.Tests);
    }

    [Fact]
    public void A_bare_action_name_is_that_action_without_parameters()
    {
        var rung = Assert.Single(Single(MinimalPolicy).Ladder);

        Assert.Equal(new EnforcementAction(ActionKind.Observe, new SourceSpan("p.yaml", 11, 5)), Assert.Single(rung.Actions));
    }

    [Fact]
    public void Escalation_priority_defaults_to_normal()
    {
        var action = Assert.Single(Assert.Single(Single(MinimalWith("  - observe", "  - escalate: { queue: threat-intel }")).Ladder).Actions);

        Assert.Equal("normal", action.Priority);
    }

    [Fact]
    public void A_delay_reads_as_a_range()
    {
        var rung = Assert.Single(Single(MinimalWith("  - observe", "  - throttle: { rpm: 20 }\n    delay: 10m..2h")).Ladder);

        Assert.Equal(new DelayRange(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2)), rung.Delay);
    }

    [Fact]
    public void Shadow_mode_an_entity_scope_and_explicit_timings_are_read()
    {
        var policy = Single(MinimalWith("scope: account", "scope: ip_prefix\nmode: shadow\ncooldown: 90s\ndecay: 30d\ndescription: Spread across a range"));

        Assert.Equal(Scope.IpPrefix, policy.Scope);
        Assert.Equal(PolicyMode.Shadow, policy.Mode);
        Assert.Equal(TimeSpan.FromSeconds(90), policy.Cooldown);
        Assert.Equal(TimeSpan.FromDays(30), policy.Decay);
    }

    [Fact]
    public void The_content_hash_is_the_lowercase_sha256_of_the_file()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DesignPolicy)));

        Assert.Equal(expected, Single(DesignPolicy).ContentHash);
    }

    [Fact]
    public void A_change_anywhere_in_the_file_changes_the_content_hash() =>
        Assert.NotEqual(Single(MinimalPolicy).ContentHash, Single(MinimalPolicy + "# reviewed\n").ContentHash);

    [Fact]
    public void The_catalog_keeps_its_signals_kinds_attributes_values_and_places()
    {
        var catalog = LoadPolicy(MinimalPolicy).Catalog!;

        Assert.Equal("signals.yaml", catalog.File);
        Assert.Equal(
            [SignalKind.Count, SignalKind.Score, SignalKind.Category, SignalKind.Flag],
            catalog.Signals.Select(s => s.Kind));
        var request = catalog.Find("request")!;
        Assert.Equal<string>(["ip_prefix", "proxy", "device", "prompt_template", "model"], request.Attrs);
        Assert.Empty(request.Values);
        Assert.Equal(new SourceSpan("signals.yaml", 4, 11), request.At);
        Assert.Equal<string>(["chat", "reasoning", "coding", "tool_use", "vision", "other"], catalog.Find("capability")!.Values);
    }
}
