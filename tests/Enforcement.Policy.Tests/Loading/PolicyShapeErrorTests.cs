using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>Field presence, node types and unknown fields: what is wrong with the shape of a policy file.</summary>
public class PolicyShapeErrorTests
{
    [Fact]
    public void An_unknown_field_is_reported_at_its_key_with_the_fields_expected()
    {
        var text = MinimalWith("severity: low", "sevrity: low");

        Assert.Equal(
            [
                "p.yaml:1:1: missing field 'severity'",
                "p.yaml:7:1: unknown field 'sevrity': expected one of apiVersion, kind, id, version, title, owner, severity, scope, mode, when, ladder, cooldown, decay, tests, description; did you mean 'severity'?",
            ],
            PolicyErrors(text));
    }

    [Fact]
    public void A_missing_field_is_reported_at_the_start_of_its_mapping()
    {
        var text = MinimalWith("ladder:\n  - observe\n", "");

        Assert.Equal(["p.yaml:1:1: missing field 'ladder'"], PolicyErrors(text));
    }

    [Fact]
    public void A_missing_action_parameter_is_reported_at_the_start_of_the_parameters()
    {
        var text = MinimalWith("  - observe", "  - throttle: { for: 6h }");

        Assert.Equal(["p.yaml:11:15: missing field 'rpm' of throttle"], PolicyErrors(text));
    }

    [Fact]
    public void A_bare_action_that_needs_parameters_is_reported_at_its_name()
    {
        var text = MinimalWith("  - observe", "  - escalate");

        Assert.Equal(["p.yaml:11:5: missing field 'queue' of escalate"], PolicyErrors(text));
    }

    [Fact]
    public void A_single_value_where_a_list_belongs_is_reported_at_the_value()
    {
        var text = MinimalWith("ladder:\n  - observe", "ladder: observe");

        Assert.Equal(["p.yaml:10:9: 'ladder' must be a list of rungs, but is a single value"], PolicyErrors(text));
    }

    [Fact]
    public void A_list_where_a_single_value_belongs_is_reported_at_the_list()
    {
        var text = MinimalWith("title: Minimal", "title: [Minimal, Policy]");

        Assert.Equal(["p.yaml:5:8: 'title' must be a single value, but is a list"], PolicyErrors(text));
    }

    [Fact]
    public void A_required_list_left_empty_is_reported_where_its_value_would_be()
    {
        var text = MinimalWith("ladder:\n  - observe", "ladder:");

        Assert.Equal(["p.yaml:10:8: 'ladder' must be a list of rungs, but is empty"], PolicyErrors(text));
    }

    [Fact]
    public void An_unknown_action_is_reported_once_at_its_name()
    {
        var text = MinimalWith("  - observe", "  - throtle: { rpm: 20 }");

        Assert.Equal(
            ["p.yaml:11:5: unknown action 'throtle': expected one of observe, throttle, challenge, suspend, escalate or delay"],
            PolicyErrors(text));
    }

    [Fact]
    public void An_unknown_bare_action_is_reported_at_its_name()
    {
        var text = MinimalWith("  - observe", "  - ban");

        Assert.Equal(["p.yaml:11:5: unknown action 'ban': expected one of observe, throttle, challenge, suspend, escalate"], PolicyErrors(text));
    }

    [Fact]
    public void An_unknown_action_parameter_is_reported_with_the_parameters_expected()
    {
        var text = MinimalWith("  - observe", "  - throttle: { rpm: 20, duration: 6h }");

        Assert.Equal(["p.yaml:11:26: unknown field 'duration': expected one of rpm, for"], PolicyErrors(text));
    }

    [Fact]
    public void Observe_takes_no_parameters()
    {
        var text = MinimalWith("  - observe", "  - observe: { rpm: 1 }");

        Assert.Equal(["p.yaml:11:16: unknown field 'rpm': observe takes no fields"], PolicyErrors(text));
    }

    [Fact]
    public void Action_parameters_written_as_a_single_value_show_how_to_write_them()
    {
        var text = MinimalWith("  - observe", "  - throttle: 20");

        Assert.Equal(
            ["p.yaml:11:15: 'throttle' must be a mapping of its parameters, like throttle: { rpm: 20, for: 6h }, but is a single value"],
            PolicyErrors(text));
    }

    [Fact]
    public void A_rung_written_as_a_list_shows_how_to_write_a_rung()
    {
        var text = MinimalWith("  - observe", "  - [observe]");

        Assert.Equal(
            ["p.yaml:11:5: a rung must be an action or a mapping of actions, like - throttle: { rpm: 20 }, but is a list"],
            PolicyErrors(text));
    }

    [Fact]
    public void A_key_that_is_not_a_single_value_is_an_error()
    {
        var text = MinimalPolicy + "? [a, b]\n: 1\n";

        Assert.Equal(["p.yaml:12:3: a key must be a single value, not a list"], PolicyErrors(text));
    }

    [Fact]
    public void A_missing_kind_stops_reading_the_file_after_the_header()
    {
        var text = MinimalWith("kind: Policy\n", "").Replace("severity: low", "sevrity: low", StringComparison.Ordinal);

        Assert.Equal(["p.yaml:1:1: missing field 'kind'"], PolicyErrors(text));
    }

    [Fact]
    public void Every_problem_in_one_file_is_reported_in_file_order()
    {
        var text = DesignPolicy
            .Replace("version: 3", "version: three", StringComparison.Ordinal)
            .Replace("severity: high", "sevrity: high", StringComparison.Ordinal)
            .Replace("rpm: 20", "rpm: 0", StringComparison.Ordinal)
            .Replace("priority: high", "priority: hi", StringComparison.Ordinal)
            .Replace("cooldown: 1h", "cooldown: 1 hour", StringComparison.Ordinal);

        Assert.Equal(
            [
                "p.yaml:1:1: missing field 'severity'",
                "p.yaml:4:10: 'version' must be a whole number of at least 1, not 'three'",
                "p.yaml:7:1: unknown field 'sevrity': expected one of apiVersion, kind, id, version, title, owner, severity, scope, mode, when, ladder, cooldown, decay, tests, description; did you mean 'severity'?",
                "p.yaml:13:22: 'rpm' must be a whole number from 1 to 1000000, not '0'",
                "p.yaml:16:48: 'priority' must be one of low, normal, high, urgent, not 'hi'",
                "p.yaml:17:11: 'cooldown' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h",
            ],
            PolicyErrors(text));
    }
}
