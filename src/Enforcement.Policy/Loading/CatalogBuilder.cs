using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Loading;

/// <summary>Turns a validated raw catalog into the <see cref="SignalCatalog"/>.</summary>
internal static class CatalogBuilder
{
    public static SignalCatalog Build(RawCatalog raw, string file) =>
        new(raw.Signals.Select(Signal), file);

    private static SignalDefinition Signal(RawSignal raw) =>
        new(
            raw.Name!.Text,
            (SignalKind)Vocabulary.IndexOf(Vocabulary.SignalKinds, raw.Kind!.Text),
            [.. raw.Attrs.Select(a => a.Text)],
            raw.Values is null ? [] : [.. raw.Values.Items.Select(v => v.Text)],
            raw.Name.At);
}
