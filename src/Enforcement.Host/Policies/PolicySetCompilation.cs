using System.Collections.Immutable;
using Enforcement.Policy;
using Enforcement.Policy.Loading;

namespace Enforcement.Host.Policies;

/// <summary>Compiles a set held as file name to text, the way the API and the store hold it.</summary>
public static class PolicySetCompilation
{
    public static PolicySetResult Compile(IReadOnlyDictionary<string, string> files, bool promote = true) =>
        PolicySetCompiler.Compile(files.Select(f => new PolicySource(f.Key, f.Value)), promote);

    public static ImmutableSortedDictionary<string, string> FilesOf(PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Sources.ToImmutableSortedDictionary(s => s.File, s => s.Text, StringComparer.Ordinal);
    }

    public static string Describe(IEnumerable<Diagnostic> errors) => string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
