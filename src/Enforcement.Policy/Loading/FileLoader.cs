namespace Enforcement.Policy.Loading;

/// <summary>Reads, checks and builds one file: YAML, then shape, then value rules, then the definition.</summary>
internal static class FileLoader
{
    private static readonly RawHeaderValidator HeaderValidator = new();
    private static readonly RawCatalogValidator CatalogValidator = new();
    private static readonly RawPolicyValidator PolicyValidator = new();

    public static LoadedFile Load(PolicySource source, List<Diagnostic> errors)
    {
        var fileErrors = new List<Diagnostic>();
        var loaded = Read(source, fileErrors);
        errors.AddRange(fileErrors);
        // A file with any error contributes no definition, only what the set-level checks need.
        return fileErrors.Count == 0 ? loaded : loaded with { Catalog = null, Policy = null };
    }

    private static LoadedFile Read(PolicySource source, List<Diagnostic> errors)
    {
        // Editors do not count a byte order mark as a column, so positions are taken from the text after it.
        var text = source.Text.StartsWith('\uFEFF') ? source.Text[1..] : source.Text;
        var unknown = new LoadedFile(source.File, null, new SourceSpan(source.File, 1, 1), null, null, null);
        var root = YamlTreeReader.Read(source.File, text, errors);
        if (root is null or ErrorNode)
            return unknown;
        if (root is not MappingNode mapping)
        {
            errors.Add(new Diagnostic(root.At, $"the file must be a mapping with apiVersion and kind, but is {root.Describe()}"));
            return unknown;
        }
        var header = HeaderReader.Read(mapping, errors);
        HeaderValidator.Check(header, mapping.At, errors);
        if (header.Kind is null || !Vocabulary.Kinds.Contains(header.Kind.Text))
            return unknown;
        return header.Kind.Text == Vocabulary.CatalogKind
            ? LoadCatalog(mapping, source.File, header.Kind.At, errors)
            : LoadPolicy(mapping, source, text, header.Kind.At, errors);
    }

    private static LoadedFile LoadCatalog(MappingNode root, string file, SourceSpan kindAt, List<Diagnostic> errors)
    {
        var raw = CatalogReader.Read(root, errors);
        CatalogValidator.Check(raw, root.At, errors);
        var catalog = errors.Count == 0 ? CatalogBuilder.Build(raw, file) : null;
        return new LoadedFile(file, Vocabulary.CatalogKind, kindAt, null, catalog, null);
    }

    private static LoadedFile LoadPolicy(MappingNode root, PolicySource source, string text, SourceSpan kindAt, List<Diagnostic> errors)
    {
        var raw = PolicyReader.Read(root, text, errors);
        PolicyValidator.Check(raw, root.At, errors);
        var policy = errors.Count == 0 ? PolicyBuilder.Build(raw, source) : null;
        return new LoadedFile(source.File, Vocabulary.PolicyKind, kindAt, raw.Id, null, policy);
    }
}
