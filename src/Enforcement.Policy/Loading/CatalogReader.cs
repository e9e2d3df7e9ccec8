using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>Reads the shape of a signal catalog file.</summary>
internal static class CatalogReader
{
    private static readonly ImmutableArray<string> Fields = ["apiVersion", "kind", "signals", "clusters"];

    private static readonly ImmutableArray<string> SignalFields = ["name", "kind", "attrs", "values"];

    private static readonly ImmutableArray<string> ClusterFields = ["links", "max_members", "max_members_by_key"];

    public static RawCatalog Read(MappingNode root, List<Diagnostic> errors)
    {
        var fields = new FieldReader(root, errors);
        fields.RejectUnknown(Fields);
        var signals = fields.List("signals", "a list of signals", required: true);
        var entries = NodeLists.Mappings(signals, "signals", "a signal like { name: request, kind: count }", errors, s => ReadSignal(s, errors));
        var clusters = fields.Mapping("clusters", "a mapping with links, max_members and max_members_by_key");
        return new RawCatalog(entries, signals?.At, root.At, clusters is null ? null : ReadClusters(clusters, errors));
    }

    private static RawClusters ReadClusters(MappingNode clusters, List<Diagnostic> errors)
    {
        var fields = new FieldReader(clusters, errors, "clusters");
        fields.RejectUnknown(ClusterFields);
        var links = fields.List("links", "a list of linkage keys, like [payment, device]");
        var limits = fields.Mapping("max_members_by_key", "a mapping from linkage key to a whole number, like { payment: 50 }");
        return new RawClusters(
            links is null ? null : new RawList(NodeLists.Scalars(links, "links", errors), links.At),
            fields.Scalar("max_members"),
            limits is null ? [] : ReadLimits(limits, errors),
            clusters.At);
    }

    private static ImmutableArray<RawMemberLimit> ReadLimits(MappingNode limits, List<Diagnostic> errors)
    {
        var read = ImmutableArray.CreateBuilder<RawMemberLimit>(limits.Entries.Length);
        foreach (var (key, value) in limits.Entries)
        {
            if (value is ScalarNode limit)
                read.Add(new RawMemberLimit(RawScalar.From(key), RawScalar.From(limit)));
            else if (value is not ErrorNode)
                errors.Add(new Diagnostic(value.At, $"'max_members_by_key.{key.Value}' must be a whole number, but is {value.Describe()}"));
        }
        return read.ToImmutable();
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
