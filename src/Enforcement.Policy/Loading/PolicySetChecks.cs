namespace Enforcement.Policy.Loading;

/// <summary>The checks that look across files: exactly one signal catalog, and no policy id twice.</summary>
internal static class PolicySetChecks
{
    public static void Run(IReadOnlyList<LoadedFile> files, List<Diagnostic> errors)
    {
        CheckOneCatalog(files, errors);
        CheckUniqueIds(files, errors);
    }

    private static void CheckOneCatalog(IReadOnlyList<LoadedFile> files, List<Diagnostic> errors)
    {
        if (files.Count == 0)
        {
            errors.Add(new Diagnostic(SourceSpan.None, "the policy set has no files: expected a SignalCatalog file and policy files"));
            return;
        }
        var catalogs = files.Where(f => f.Kind == Vocabulary.CatalogKind).ToList();
        // A file whose kind could not be read may be the catalog; its own error says what to fix.
        if (catalogs.Count == 0 && files.All(f => f.Kind is not null))
        {
            errors.Add(new Diagnostic(
                new SourceSpan(files[0].File, 1, 1),
                "the policy set has no signal catalog: expected one file with kind: SignalCatalog, such as signals.yaml"));
        }
        foreach (var extra in catalogs.Skip(1))
        {
            errors.Add(new Diagnostic(
                extra.KindAt,
                $"a second signal catalog: the set already has one in {catalogs[0].File}, and a set has exactly one"));
        }
    }

    private static void CheckUniqueIds(IReadOnlyList<LoadedFile> files, List<Diagnostic> errors)
    {
        var first = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var id in files.Select(f => f.PolicyId).OfType<RawScalar>().Where(id => !id.IsEmpty))
        {
            if (!first.TryAdd(id.Text, id.At))
                errors.Add(new Diagnostic(id.At, $"duplicate policy id '{id.Text}': already used at {first[id.Text]}"));
        }
    }
}
