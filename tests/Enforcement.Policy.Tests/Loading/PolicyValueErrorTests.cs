using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>Value rules: each error at the value, saying what was expected and what was found.</summary>
public class PolicyValueErrorTests
{
    [Theory]
    [InlineData("apiVersion: enforcement/v1", "apiVersion: enforcement/v2", "p.yaml:1:13: 'apiVersion' must be enforcement/v1, not 'enforcement/v2'")]
    [InlineData("id: minimal", "id: Minimal Policy", "p.yaml:3:5: 'id' must be lowercase words joined by '-', in segments joined by '.', like distillation.cot-elicitation, not 'Minimal Policy'")]
    [InlineData("id: minimal", "id: distillation..cot", "p.yaml:3:5: 'id' must be lowercase words joined by '-', in segments joined by '.', like distillation.cot-elicitation, not 'distillation..cot'")]
    [InlineData("version: 1", "version: 0", "p.yaml:4:10: 'version' must be a whole number of at least 1, not '0'")]
    [InlineData("version: 1", "version: 1.5", "p.yaml:4:10: 'version' must be a whole number of at least 1, not '1.5'")]
    [InlineData("version: 1", "version: \"2\"", "p.yaml:4:10: 'version' must be a whole number of at least 1, not \"2\" (quoted, so text)")]
    [InlineData("title: Minimal", "title: ''", "p.yaml:5:8: 'title' is empty: expected a short title")]
    [InlineData("owner: tests", "owner:", "p.yaml:6:7: 'owner' is empty: expected the team that owns the policy")]
    [InlineData("severity: low", "severity: hihg", "p.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'hihg'")]
    [InlineData("severity: low", "severity:", "p.yaml:7:10: 'severity' is empty: expected one of low, medium, high, critical")]
    [InlineData("scope: account", "scope: acount", "p.yaml:8:8: 'scope' must be one of account, payment, ip_prefix, device, org, prompt_template, proxy, cluster, not 'acount'")]
    [InlineData("when: count(request, 1h) > 0", "when: \"\"", "p.yaml:9:7: 'when' is empty: expected a condition, like count(request, 1h) >= 200")]
    public void A_bad_field_value_is_reported_at_the_value(string line, string replacement, string expected) =>
        Assert.Equal([expected], PolicyErrors(MinimalWith(line, replacement)));

    [Theory]
    [InlineData("mode: live", "p.yaml:12:7: 'mode' must be one of enforce, shadow, not 'live'")]
    [InlineData("cooldown: 1 hour", "p.yaml:12:11: 'cooldown' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h")]
    [InlineData("cooldown: 0s", "p.yaml:12:11: 'cooldown' must be at least 1s, not 0s")]
    [InlineData("cooldown: 99999999999999d", "p.yaml:12:11: 'cooldown' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h")]
    [InlineData("decay: 7days", "p.yaml:12:8: 'decay' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h")]
    [InlineData("decay:", "p.yaml:12:7: 'decay' is empty: expected a number followed by s, m, h or d, like 90s or 6h")]
    public void A_bad_optional_field_value_is_reported_at_the_value(string line, string expected) =>
        Assert.Equal([expected], PolicyErrors(MinimalPolicy + line + "\n"));

    [Theory]
    [InlineData("  - throttle: { rpm: 0 }", "p.yaml:11:22: 'rpm' must be a whole number from 1 to 1000000, not '0'")]
    [InlineData("  - throttle: { rpm: 1000001 }", "p.yaml:11:22: 'rpm' must be a whole number from 1 to 1000000, not '1000001'")]
    [InlineData("  - throttle: { rpm: lots }", "p.yaml:11:22: 'rpm' must be a whole number from 1 to 1000000, not 'lots'")]
    [InlineData("  - throttle: { rpm: 20, for: 30s }", "p.yaml:11:31: 'for' must be at least 1m, not 30s")]
    [InlineData("  - suspend: { for: forever }", "p.yaml:11:21: 'for' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h")]
    [InlineData("  - challenge: { kind: Identity Check }", "p.yaml:11:24: 'kind' must be a lowercase name, like identity, captcha or payment, not 'Identity Check'")]
    [InlineData("  - escalate: { queue: '' }", "p.yaml:11:24: 'queue' is empty: expected a lowercase name, like threat-intel")]
    [InlineData("  - escalate: { queue: abuse, priority: asap }", "p.yaml:11:41: 'priority' must be one of low, normal, high, urgent, not 'asap'")]
    [InlineData("  - observe\n  - delay: 10m..1h", "p.yaml:12:5: a rung needs at least one action: observe, throttle, challenge, suspend, escalate")]
    [InlineData("  - observe: {}\n    delay: 10m-2h", "p.yaml:12:12: 'delay' must be a range of two durations, like 10m..2h, not '10m-2h'")]
    [InlineData("  - observe: {}\n    delay: 2h..10m", "p.yaml:12:12: 'delay' must not end before it starts: 2h..10m")]
    [InlineData("  - observe: {}\n    delay: 1h..2d", "p.yaml:12:12: 'delay' must end within 24h, not 1h..2d")]
    public void A_bad_rung_is_reported_at_the_value(string ladder, string expected) =>
        Assert.Equal([expected], PolicyErrors(MinimalWith("  - observe", ladder)));

    [Fact]
    public void A_ladder_without_rungs_is_an_error() =>
        Assert.Equal(["p.yaml:10:9: 'ladder' must have 1 to 10 rungs, not 0"], PolicyErrors(MinimalWith("ladder:\n  - observe", "ladder: []")));

    [Fact]
    public void A_ladder_of_more_than_ten_rungs_is_an_error()
    {
        var rungs = string.Concat(Enumerable.Repeat("  - observe\n", 11));

        Assert.Equal(["p.yaml:11:3: 'ladder' must have 1 to 10 rungs, not 11"], PolicyErrors(MinimalWith("  - observe\n", rungs)));
    }

    [Fact]
    public void A_wrong_kind_is_the_only_error_since_the_rest_cannot_be_read()
    {
        var text = MinimalWith("kind: Policy", "kind: Polcy").Replace("severity: low", "severity: hihg", StringComparison.Ordinal);

        Assert.Equal(["p.yaml:2:7: 'kind' must be one of SignalCatalog, Policy, not 'Polcy'"], PolicyErrors(text));
    }
}
