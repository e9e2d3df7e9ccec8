using Enforcement.Policy.Catalog;
using Enforcement.Runtime.Clusters;

namespace Enforcement.Runtime.Tests.Clusters;

public sealed class ClusterMapTests
{
    private static ClusterMap Map(int maxMembers = 3, params string[] links) =>
        new(new ClusterRules(links.Length == 0 ? SignalCatalog.LinkageKeys : links, maxMembers));

    [Fact]
    public void An_account_alone_is_in_no_cluster()
    {
        var map = Map();
        Assert.Null(map.Link("a", ["payment:p1", "device:d1"]));
        Assert.Equal(1, map.SizeOf("a"));
    }

    [Fact]
    public void Accounts_sharing_an_entity_form_a_cluster_and_a_small_cluster_joining_a_large_one_takes_its_id()
    {
        var map = Map(maxMembers: 10);
        map.Link("a1", ["device:big"]);
        map.Link("a2", ["device:big"]);
        var big = map.Link("a3", ["device:big"]);
        map.Link("b1", ["device:small"]);
        var small = map.Link("b2", ["device:small"]);
        Assert.NotNull(big);
        Assert.NotNull(small);
        Assert.NotEqual(big, small);

        var bridge = map.Link("c", ["device:big", "device:small"]);

        Assert.Equal(big, bridge);
        Assert.Equal(big, map.ClusterOf("b1"));
        Assert.Equal(6, map.SizeOf("b2"));
    }

    [Fact]
    public void A_value_crossing_its_limit_stops_linking_and_what_it_welded_comes_apart()
    {
        var map = Map(maxMembers: 3);
        foreach (var account in new[] { "a", "b", "c" })
            map.Link(account, ["ip_prefix:10.0.0.0/8"]);
        Assert.NotNull(map.ClusterOf("a"));

        map.Link("d", ["ip_prefix:10.0.0.0/8"]);

        Assert.True(map.IsHub("ip_prefix:10.0.0.0/8"));
        Assert.Equal(1, map.Rebuilds);
        foreach (var account in new[] { "a", "b", "c", "d" })
            Assert.Null(map.ClusterOf(account));
    }

    [Fact]
    public void A_key_the_rules_do_not_link_by_links_nobody()
    {
        var map = Map(10, "payment");
        map.Link("a", ["device:shared"]);
        Assert.Null(map.Link("b", ["device:shared"]));
        map.Link("a", ["payment:p"]);
        Assert.NotNull(map.Link("b", ["payment:p"]));
    }

    [Fact]
    public void Linking_the_same_account_again_changes_nothing()
    {
        var map = Map(maxMembers: 2);
        map.Link("a", ["payment:p"]);
        map.Link("b", ["payment:p"]);
        for (var i = 0; i < 5; i++)
            map.Link("a", ["payment:p"]);
        Assert.False(map.IsHub("payment:p"));
        Assert.Equal(2, map.SizeOf("a"));
    }

    [Fact]
    public void A_large_map_computes_its_components_again_once_a_quarter_of_its_accounts_have_linked_since()
    {
        var map = Map(maxMembers: 50);
        for (var i = 0; i < 12_000; i++)
            map.Link($"solo-{i}", [$"device:d-{i}"]);

        // A hundred templates cross their limit one after the other: one pass, not a hundred.
        for (var i = 0; i < 8_000; i++)
            map.Link($"busy-{i}", [$"prompt_template:t-{i % 100}"]);
        Assert.Equal(1, map.Rebuilds);
        Assert.True(map.IsHub("prompt_template:t-7"));
        Assert.Null(map.ClusterOf("busy-7"));

        for (var i = 0; i < 5_000; i++)
            map.Link($"later-{i}", [$"device:e-{i}"]);
        Assert.Equal(2, map.Rebuilds);
    }
}
