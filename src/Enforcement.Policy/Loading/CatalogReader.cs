using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>Reads the shape of a signal catalog file.</summary>
internal static class CatalogReader
{
    private static readonly ImmutableArray<string> Fields = ["apiVersion", "kind", "signals"];

    private static readonly ImmutableArray<string> SignalFields = ["name", "kind", "attrs", "values"];

    public static RawCatalog Read(MappingNode root, List<Diagnostic> errors)
    {
        var fields = new FieldReader(root, errors);
        fields.RejectUnknown(Fields);
        var signals = fields.List("signals", "a list of signals", required: true);
        var entries = NodeLists.Mappings(signals, "signals", "a signal like { name: request, kind: count }", errors, s => ReadSignal(s, errors));
        return new RawCatalog(entries, signals?.At, root.At);
    }

    private static RawSignal ReadSignal(MappingNode signal, List<Diagnostic> errors)
    {
        var fields = new FieldReader(signal, errors);
        fields.RejectUnknown(SignalFields);
        var values = fields.List("values", "a list of the category's values");
        return new RawSignal(
            fields.Scalar("name", required: true),
            fields.Scalar("kind", required: true),
            NodeLists.Scalars(fields.List("attrs", "a list of attribute names"), "attrs", errors),
            values is null ? null : new RawList(NodeLists.Scalars(values, "values", errors), values.At),
            signal.At);
    }
}
