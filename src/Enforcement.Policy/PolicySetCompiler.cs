using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Checking;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Language.Compilation;
using Enforcement.Policy.Loading;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy;

/// <summary>
/// Load, check, compile: the one way from policy files to a <see cref="PolicySet"/>. Any problem anywhere rejects
/// the whole set, and every problem found is returned, sorted by file, line and column.
/// </summary>
public static class PolicySetCompiler
{
    /// <param name="promote">
    /// Compile every condition's second tier in the background (<see cref="PolicySet.Promoted"/>): what a
    /// long-running service wants, and a short-lived tool or a benchmark of compiling itself does not.
    /// </param>
    public static PolicySetResult Compile(IEnumerable<PolicySource> sources, bool promote = true)
    {
        var files = sources.ToImmutableArray();
        var loaded = PolicyLoader.Load(files);
        var errors = loaded.Errors.ToList();
        SetCheck? check = null;
        if (loaded.Catalog is not null)
        {
            check = PolicySetChecker.Check(loaded.Catalog, loaded.Policies);
            errors.AddRange(check.Problems);
        }
        if (errors.Count > 0 || check is null)
            return new PolicySetResult(null, Sorted(errors));

        var programs = Enum.GetValues<Scope>().ToImmutableDictionary(scope => scope, scope => CompileScope(check, scope));
        var set = new PolicySet(loaded.Catalog!, files, programs, Hash(files));
        if (promote)
            set.PromoteInBackground();
        return new PolicySetResult(set, []);
    }

    public static PolicySetResult CompileDirectory(string directory, bool promote = true) =>
        Compile(PolicyLoader.ReadDirectory(directory), promote);

    internal static ScopeProgram CompileScope(SetCheck check, Scope scope)
    {
        var layout = new WindowLayoutBuilder(check.Catalog);
        var compiler = new ConditionCompiler(layout);
        var policies = check.Policies
            .Where(p => p.Scope == scope)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select((p, index) => new CompiledPolicy(p, compiler.Compile(check.Conditions[p]), index))
            .ToImmutableArray();
        return new ScopeProgram(scope, layout.Build(), policies);
    }

    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> errors) =>
    [
        .. errors
            .Distinct()
            .OrderBy(d => d.At.File, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Message, StringComparer.Ordinal),
    ];

    private static string Hash(IEnumerable<PolicySource> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.File, StringComparer.Ordinal))
            text.Append(file.File).Append('\0').Append(file.Text).Append('\0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
