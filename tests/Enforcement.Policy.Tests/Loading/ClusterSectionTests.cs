using Enforcement.Policy.Catalog;
using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>The catalog's optional <c>clusters:</c> section, appended to <see cref="PolicyFiles.SignalsFile"/> from line 15 on.</summary>
public class ClusterSectionTests
{
    private const string LinkageKeys = "payment, ip_prefix, device, org, prompt_template, proxy";

    private static ClusterRules Read(string section)
    {
        var result = Load(("signals.yaml", SignalsFile + section));
        Assert.Empty(Messages(result));
        return result.Catalog!.Clusters;
    }

    private static IReadOnlyList<string> Errors(string section) => CatalogErrors(SignalsFile + section);

    [Fact]
    public void A_catalog_without_the_section_gets_the_defaults()
    {
        var rules = Load(("signals.yaml", SignalsFile)).Catalog!.Clusters;

        Assert.Equal(ClusterRules.Default, rules);
        Assert.Equal<string>(SignalCatalog.LinkageKeys, rules.Links);
        Assert.All(SignalCatalog.LinkageKeys, k => Assert.Equal(200, rules.MaxMembersOf(k)));
    }

    [Fact]
    public void Reads_links_the_limit_and_per_key_limits()
    {
        var rules = Read("""
            clusters:
              links: [proxy, payment, device]
              max_members: 500
              max_members_by_key:
                payment: 50
                proxy: 1000

            """);

        Assert.Equal<string>(["payment", "device", "proxy"], rules.Links);
        Assert.True(rules.LinksBy("device"));
        Assert.False(rules.LinksBy("ip_prefix"));
        Assert.Equal(500, rules.MaxMembers);
        Assert.Equal(50, rules.MaxMembersOf("payment"));
        Assert.Equal(1000, rules.MaxMembersOf("proxy"));
        Assert.Equal(500, rules.MaxMembersOf("device"));
    }

    [Fact]
    public void What_the_section_leaves_out_keeps_its_default()
    {
        var rules = Read("clusters:\n  max_members_by_key: { proxy: 1000 }\n");

        Assert.Equal<string>(SignalCatalog.LinkageKeys, rules.Links);
        Assert.Equal(200, rules.MaxMembers);
        Assert.Equal(1000, rules.MaxMembersOf("proxy"));
        Assert.Equal(200, rules.MaxMembersOf("org"));
    }

    [Fact]
    public void An_empty_section_gets_the_defaults() =>
        Assert.Equal(ClusterRules.Default, Read("clusters:\n"));

    [Fact]
    public void An_empty_list_of_links_links_no_accounts()
    {
        var rules = Read("clusters:\n  links: []\n");

        Assert.Empty(rules.Links);
        Assert.All(SignalCatalog.LinkageKeys, k => Assert.False(rules.LinksBy(k)));
    }

    [Fact]
    public void The_section_must_be_a_mapping() =>
        Assert.Equal(
            ["signals.yaml:15:11: 'clusters' must be a mapping with links, max_members and max_members_by_key, but is a list"],
            Errors("clusters: [payment]\n"));

    [Fact]
    public void An_unknown_field_is_reported_at_its_key_with_a_suggestion() =>
        Assert.Equal(
            ["signals.yaml:16:3: unknown field 'max_member': expected one of links, max_members, max_members_by_key; did you mean 'max_members'?"],
            Errors("clusters:\n  max_member: 100\n"));

    [Fact]
    public void A_link_that_is_not_a_linkage_key_lists_the_six() =>
        Assert.Equal(
            [$"signals.yaml:16:20: link 'model' is not a linkage key: expected one of {LinkageKeys}"],
            Errors("clusters:\n  links: [payment, model]\n"));

    [Fact]
    public void A_misspelled_link_gets_a_suggestion() =>
        Assert.Equal(
            [$"signals.yaml:16:11: link 'paymnet' is not a linkage key: expected one of {LinkageKeys}; did you mean 'payment'?"],
            Errors("clusters:\n  links: [paymnet]\n"));

    [Fact]
    public void A_link_listed_twice_is_reported_at_the_second() =>
        Assert.Equal(
            ["signals.yaml:16:27: duplicate link 'payment' in 'links'"],
            Errors("clusters:\n  links: [payment, proxy, payment]\n"));

    [Theory]
    [InlineData("0", "'0'")]
    [InlineData("-5", "'-5'")]
    [InlineData("2.5", "'2.5'")]
    [InlineData("many", "'many'")]
    [InlineData("\"200\"", "\"200\" (quoted, so text)")]
    public void The_limit_must_be_a_positive_whole_number(string written, string shown) =>
        Assert.Equal(
            [$"signals.yaml:16:16: 'max_members' must be a whole number of at least 1, not {shown}"],
            Errors($"clusters:\n  max_members: {written}\n"));

    [Fact]
    public void An_empty_limit_says_what_was_expected() =>
        Assert.Equal(
            ["signals.yaml:16:15: 'max_members' is empty: expected a whole number of at least 1"],
            Errors("clusters:\n  max_members:\n"));

    [Fact]
    public void A_per_key_limit_must_be_a_positive_whole_number() =>
        Assert.Equal(
            [
                "signals.yaml:17:14: 'max_members_by_key.payment' must be a whole number of at least 1, not '0'",
                "signals.yaml:18:12: 'max_members_by_key.proxy' must be a whole number of at least 1, not '1e3'",
            ],
            Errors("clusters:\n  max_members_by_key:\n    payment: 0\n    proxy: 1e3\n"));

    [Fact]
    public void A_per_key_limit_written_as_a_list_is_reported_at_its_value() =>
        Assert.Equal(
            ["signals.yaml:17:14: 'max_members_by_key.payment' must be a whole number, but is a list"],
            Errors("clusters:\n  max_members_by_key:\n    payment: [50]\n"));

    [Fact]
    public void A_per_key_limit_for_a_key_not_in_links_is_reported_at_the_key() =>
        Assert.Equal(
            ["signals.yaml:17:25: 'max_members_by_key' sets a limit for 'proxy', which is not in 'links': a key that links no accounts has no limit to set"],
            Errors("clusters:\n  links: [payment]\n  max_members_by_key: { proxy: 1000 }\n"));

    [Fact]
    public void A_per_key_limit_for_a_key_that_is_not_a_linkage_key_lists_the_six() =>
        Assert.Equal(
            [$"signals.yaml:16:25: 'max_members_by_key' names 'model', which is not a linkage key: expected one of {LinkageKeys}"],
            Errors("clusters:\n  max_members_by_key: { model: 10 }\n"));

    [Fact]
    public void A_key_limited_twice_is_reported_at_the_second() =>
        Assert.Equal(
            ["signals.yaml:19:5: duplicate key 'payment': first given at line 17"],
            Errors("clusters:\n  max_members_by_key:\n    payment: 50\n    proxy: 1000\n    payment: 60\n"));

    [Fact]
    public void Every_mistake_in_the_section_is_reported_in_one_run() =>
        Assert.Equal(
            [
                "signals.yaml:16:11: link 'phone' is not a linkage key: expected one of payment, ip_prefix, device, org, prompt_template, proxy",
                "signals.yaml:17:16: 'max_members' must be a whole number of at least 1, not '0'",
                "signals.yaml:18:25: 'max_members_by_key' sets a limit for 'device', which is not in 'links': a key that links no accounts has no limit to set",
                "signals.yaml:18:33: 'max_members_by_key.device' must be a whole number of at least 1, not '-1'",
            ],
            Errors("clusters:\n  links: [phone]\n  max_members: 0\n  max_members_by_key: { device: -1 }\n"));

    [Fact]
    public void A_catalog_with_a_mistake_in_the_section_is_not_accepted() =>
        Assert.Null(Load(("signals.yaml", SignalsFile + "clusters:\n  max_members: 0\n")).Catalog);
}
