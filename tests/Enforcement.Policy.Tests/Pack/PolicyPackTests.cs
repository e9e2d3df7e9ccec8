using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Testing;
using Enforcement.Policy.Tests.Cli;

namespace Enforcement.Policy.Tests.Pack;

/// <summary>The default pack that ships in policies/ lints clean, covers the design's list, and passes its own tests.</summary>
public sealed class PolicyPackTests
{
    private static PolicySet Pack()
    {
        var result = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies);
        Assert.True(result.Accepted, string.Join("\n", result.Errors));
        return result.Set!;
    }

    [Fact]
    public void The_pack_has_at_least_seven_policies_each_with_a_test_that_fires_and_one_that_must_not()
    {
        var policies = Pack().Policies.ToList();

        Assert.True(policies.Count >= 7, $"{policies.Count} policies");
        Assert.All(policies, p =>
        {
            Assert.True(p.Definition.Tests.Length >= 2, $"{p.Id} has {p.Definition.Tests.Length} tests");
            Assert.Contains(p.Definition.Tests, t => t.Expectations.Any(e => e.Rung is > 0 || e.State is not (null or "allow")));
            Assert.Contains(p.Definition.Tests, t => t.Expectations.All(e => e.Rung is null or 0 && e.State is null or "allow"));
        });
    }

    [Fact]
    public void The_pack_links_clusters_by_every_key_but_the_proxy_with_the_default_limit()
    {
        var rules = Pack().Catalog.Clusters;

        Assert.False(rules.LinksBy("proxy"));
        Assert.Equal([.. SignalCatalog.LinkageKeys.Remove("proxy")], rules.Links.ToArray());
        Assert.Equal(ClusterRules.DefaultMaxMembers, rules.MaxMembers);
        Assert.Empty(rules.MaxMembersByKey);
    }

    [Fact]
    public void The_pack_judges_accounts_entities_and_clusters()
    {
        var scopes = Pack().Policies.Select(p => p.Definition.Scope).ToHashSet();

        Assert.Contains(Scope.Account, scopes);
        Assert.Contains(Scope.Cluster, scopes);
        Assert.Contains(scopes, s => s.IsEntity());
    }

    [Fact]
    public void Every_test_of_the_pack_passes()
    {
        var results = PolicyTestRunner.RunAll(Pack());

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Passed, string.Join("\n", r.Failures)));
    }

    [Fact]
    public void Policy_test_ends_with_the_passed_and_failed_counts()
    {
        var (exit, output) = CliRun.Enforce("policy", "test", RepositoryPaths.Policies);

        Assert.Equal(0, exit);
        var last = CliRun.Lines(output)[^1];
        Assert.Matches(@"^\d+ passed, 0 failed$", last);
    }

    [Fact]
    public void Lint_accepts_the_pack()
    {
        var (exit, output) = CliRun.Enforce("policy", "lint", RepositoryPaths.Policies);

        Assert.Equal(0, exit);
        Assert.StartsWith("ok:", CliRun.Lines(output)[^1], StringComparison.Ordinal);
    }
}
