using System.Collections.Immutable;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Loading;

/// <summary>
/// Loads a policy set (one signal catalog and any number of policies) from YAML, collecting every problem with its
/// place. With errors, the files that did load come back too, so that later stages can report their problems in
/// the same run; <see cref="PolicySetCompiler"/> still accepts nothing from such a set.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Never throws on a mistake in the files; each one is an error in the result.</summary>
    public static LoadResult Load(IEnumerable<PolicySource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        // Ordered by name so that "the second" duplicate or catalog is the same whatever order the caller used.
        var ordered = sources.OrderBy(s => s.File, StringComparer.Ordinal).ToList();
        var errors = new List<Diagnostic>();
        var files = ordered.Select(s => FileLoader.Load(s, errors)).ToList();
        PolicySetChecks.Run(files, errors);
        var sorted = errors
            .OrderBy(e => e.At.File, StringComparer.Ordinal)
            .ThenBy(e => e.At.Line)
            .ThenBy(e => e.At.Column)
            .ToImmutableArray();
        var catalogs = files.Select(f => f.Catalog).OfType<SignalCatalog>().ToList();
        var policies = files.Select(f => f.Policy).OfType<PolicyDefinition>().ToImmutableArray();
        // With a duplicate policy id the two definitions cannot both be checked as one set's members.
        var ids = policies.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() == 1).SelectMany(g => g).ToImmutableArray();
        return new LoadResult(catalogs.Count == 1 ? catalogs[0] : null, ids, sorted);
    }

    /// <summary>
    /// The <c>*.yaml</c> and <c>*.yml</c> files under <paramref name="directory"/>, sub-folders included, ordered
    /// ordinally by their path relative to it, which is also the name errors report ('/'-separated on every OS).
    /// </summary>
    public static IReadOnlyList<PolicySource> ReadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Select(path => new PolicySource(Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(path)))
            .OrderBy(s => s.File, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
