using Enforcement.Policy.Checking;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Tests.Checking;

/// <summary>The ladder pass on its own: ladders that cannot work as written.</summary>
public sealed class CheckLaddersTests
{
    private static IReadOnlyList<string> Problems(string ladder, string cooldown = "1h")
    {
        var loaded = Enforcement.Policy.Loading.PolicyLoader.Load(
        [
            new("signals.yaml", PolicySets.Catalog),
            new("p.yaml", PolicySets.Policy("count(request, 1h) >= 1", ladder: ladder, cooldown: cooldown)),
        ]);
        Assert.Empty(loaded.Errors);
        var check = new SetCheck(loaded.Catalog!, loaded.Policies);
        new CheckLadders().Run(check);
        return [.. check.Problems.Select(p => p.Message)];
    }

    [Fact]
    public void A_ladder_that_climbs_toward_stronger_actions_passes() =>
        Assert.Empty(Problems("  - observe: {}\n  - throttle: { rpm: 30 }\n  - throttle: { rpm: 10 }\n  - challenge: { kind: identity }\n  - suspend: { for: 7d }\n    escalate: { queue: q }\n"));

    [Fact]
    public void A_milder_rung_above_a_stronger_one_is_rejected() =>
        Assert.Equal(
            ["rung 2 (throttle) is milder than rung 1 (challenge): expected each rung to restrict at least as much as the one below it"],
            Problems("  - challenge: { kind: identity }\n  - throttle: { rpm: 10 }\n"));

    [Fact]
    public void A_throttle_that_loosens_is_rejected() =>
        Assert.Equal(
            ["rung 2 throttles to 50 rpm, looser than rung 1's 20 rpm: expected the rpm to fall or stay as the subject climbs"],
            Problems("  - throttle: { rpm: 20 }\n  - throttle: { rpm: 50 }\n"));

    [Fact]
    public void Escalating_alone_after_a_restriction_counts_as_milder() =>
        Assert.Single(Problems("  - throttle: { rpm: 20 }\n  - escalate: { queue: q }\n"));

    [Fact]
    public void A_delay_longer_than_the_cooldown_is_rejected_below_the_top_only()
    {
        Assert.Single(Problems("  - throttle: { rpm: 20 }\n    delay: 10m..2h\n  - suspend: { for: 7d }\n"));
        Assert.Empty(Problems("  - throttle: { rpm: 20 }\n  - suspend: { for: 7d }\n    delay: 10m..2h\n"));
        Assert.Empty(Problems("  - throttle: { rpm: 20 }\n    delay: 10m..2h\n  - suspend: { for: 7d }\n", cooldown: "3h"));
    }
}
