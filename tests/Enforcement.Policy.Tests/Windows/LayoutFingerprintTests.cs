using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

public sealed class LayoutFingerprintTests
{
    private static WindowLayout Layout(SignalCatalog catalog, int maxTrackedValues = 65_536, TimeSpan? window = null)
    {
        var builder = new WindowLayoutBuilder(catalog, maxTrackedValues);
        builder.Add(new WindowRequest(AggregateKind.Count, window ?? TimeSpan.FromHours(1), Request));
        builder.Add(new WindowRequest(AggregateKind.Share, TimeSpan.FromDays(1), Capability, Category: Coding));
        builder.Add(new WindowRequest(AggregateKind.Distinct, TimeSpan.FromDays(1), Attribute: Template));
        builder.Add(new WindowRequest(AggregateKind.NewMembers, TimeSpan.FromDays(7), Age: TimeSpan.FromDays(14)));
        return builder.Build();
    }

    [Fact]
    public void Is_the_same_for_the_pack_compiled_twice()
    {
        var first = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false).Set!;
        var second = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false).Set!;

        foreach (var scope in Enum.GetValues<Scope>())
            Assert.Equal(first.For(scope).Layout.Fingerprint, second.For(scope).Layout.Fingerprint);
    }

    [Fact]
    public void Is_the_same_in_every_process()
    {
        // Fixed once and for all: a fingerprint that depended on the process (a randomized string hash) would not
        // match it. A change to the planner changes it too, on purpose: checkpoints' windows are then rebuilt.
        Assert.Equal(0xC57F13B1F420A547UL, Layout(CatalogLite).Fingerprint);
    }

    [Fact]
    public void Differs_when_a_window_changes()
    {
        Assert.NotEqual(Layout(CatalogLite).Fingerprint, Layout(CatalogLite, window: TimeSpan.FromHours(2)).Fingerprint);
    }

    [Fact]
    public void Differs_when_the_tracker_bound_changes()
    {
        Assert.NotEqual(Layout(CatalogLite).Fingerprint, Layout(CatalogLite, maxTrackedValues: 1_000).Fingerprint);
    }

    [Fact]
    public void Differs_when_the_catalog_renames_what_a_slot_reads()
    {
        var renamed = new SignalCatalog(CatalogLite.Signals.Select(s => s.Name == "request" ? s with { Name = "prompt" } : s));

        Assert.NotEqual(Layout(CatalogLite).Fingerprint, Layout(renamed).Fingerprint);
    }

    [Fact]
    public void Is_the_same_whatever_the_cluster_rules()
    {
        // Cluster rules decide which accounts link, not what a subject's windows hold: a change to them must not
        // throw away every checkpoint's windows.
        var rules = new ClusterRules(["payment", "proxy"], 50, [KeyValuePair.Create("proxy", 1000)]);
        var linked = new SignalCatalog(CatalogLite.Signals, CatalogLite.File, rules);

        Assert.Equal(Layout(CatalogLite).Fingerprint, Layout(linked).Fingerprint);
    }

    [Fact]
    public void Differs_between_the_scopes_of_the_pack()
    {
        var pack = PolicySetCompiler.CompileDirectory(RepositoryPaths.Policies, promote: false).Set!;
        var withSlots = Enum.GetValues<Scope>().Select(pack.For).Where(p => p.Layout.SlotCount > 0).ToList();

        Assert.Equal(withSlots.Count, withSlots.Select(p => p.Layout.Fingerprint).Distinct().Count());
    }
}
