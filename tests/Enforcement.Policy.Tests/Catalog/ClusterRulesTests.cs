using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Tests.Catalog;

public class ClusterRulesTests
{
    [Fact]
    public void By_default_every_linkage_key_links_up_to_200_accounts_per_value()
    {
        Assert.Equal<string>(["payment", "ip_prefix", "device", "org", "prompt_template", "proxy"], ClusterRules.Default.Links);
        Assert.All(SignalCatalog.LinkageKeys, k => Assert.True(ClusterRules.Default.LinksBy(k)));
        Assert.All(SignalCatalog.LinkageKeys, k => Assert.Equal(200, ClusterRules.Default.MaxMembersOf(k)));
        Assert.Empty(ClusterRules.Default.MaxMembersByKey);
    }

    [Fact]
    public void A_catalog_built_without_rules_has_the_defaults() =>
        Assert.Same(ClusterRules.Default, TestCatalog.Default.Clusters);

    [Fact]
    public void A_key_without_its_own_limit_takes_the_common_one()
    {
        var rules = new ClusterRules(["payment", "proxy", "device"], 300, [KeyValuePair.Create("payment", 50)]);

        Assert.Equal(50, rules.MaxMembersOf("payment"));
        Assert.Equal(300, rules.MaxMembersOf("proxy"));
    }

    [Fact]
    public void Keys_that_are_not_listed_do_not_link() =>
        Assert.False(new ClusterRules(["payment"], 200).LinksBy("proxy"));

    [Fact]
    public void Rules_with_the_same_links_and_limits_are_equal_whatever_the_order_written()
    {
        var one = new ClusterRules(["proxy", "payment"], 200, [KeyValuePair.Create("proxy", 1000), KeyValuePair.Create("payment", 50)]);
        var other = new ClusterRules(["payment", "proxy"], 200, [KeyValuePair.Create("payment", 50), KeyValuePair.Create("proxy", 1000)]);

        Assert.Equal<string>(["payment", "proxy"], one.Links);
        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, new ClusterRules(["payment", "proxy"], 200, [KeyValuePair.Create("payment", 51)]));
    }

    [Fact]
    public void Rejects_a_key_that_is_not_a_linkage_key() =>
        Assert.Throws<ArgumentException>(() => new ClusterRules(["payment", "model"], 200));

    [Fact]
    public void Rejects_a_limit_for_a_key_that_does_not_link() =>
        Assert.Throws<ArgumentException>(() => new ClusterRules(["payment"], 200, [KeyValuePair.Create("proxy", 10)]));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public void Rejects_a_limit_below_one(int maxMembers, int paymentLimit) =>
        Assert.ThrowsAny<ArgumentException>(() => new ClusterRules(["payment"], maxMembers, [KeyValuePair.Create("payment", paymentLimit)]));
}
