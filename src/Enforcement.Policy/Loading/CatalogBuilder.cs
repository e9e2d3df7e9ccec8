using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Loading;

/// <summary>Turns a validated raw catalog into the <see cref="SignalCatalog"/>.</summary>
internal static class CatalogBuilder
{
    public static SignalCatalog Build(RawCatalog raw, string file) =>
        new(raw.Signals.Select(Signal), file, raw.Clusters is null ? ClusterRules.Default : Clusters(raw.Clusters));

    /// <summary>What the section leaves out keeps its default: every key links, each value up to 200 accounts.</summary>
    private static ClusterRules Clusters(RawClusters raw) =>
        new(
            raw.Links is null ? ClusterRules.Default.Links : raw.Links.Items.Select(l => l.Text),
            raw.MaxMembers is null ? ClusterRules.DefaultMaxMembers : Literals.WholeNumber(raw.MaxMembers),
            raw.MaxMembersByKey.Select(l => KeyValuePair.Create(l.Key.Text, Literals.WholeNumber(l.Limit))));

    private static SignalDefinition Signal(RawSignal raw) =>
        new(
            raw.Name!.Text,
            (SignalKind)Vocabulary.IndexOf(Vocabulary.SignalKinds, raw.Kind!.Text),
            [.. raw.Attrs.Select(a => a.Text)],
            raw.Values is null ? [] : [.. raw.Values.Items.Select(v => v.Text)],
            raw.Name.At);
}
