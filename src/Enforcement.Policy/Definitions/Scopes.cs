using System.Collections.Immutable;

namespace Enforcement.Policy.Definitions;

/// <summary>The spelling of scopes in policy files (<c>ip_prefix</c>), which is also the linkage attribute an entity scope reads.</summary>
public static class Scopes
{
    public static readonly ImmutableArray<string> Names =
        ["account", "payment", "ip_prefix", "device", "org", "prompt_template", "proxy", "cluster"];

    public static bool TryParse(string text, out Scope scope)
    {
        var index = Names.IndexOf(text, StringComparer.Ordinal);
        scope = index < 0 ? default : (Scope)index;
        return index >= 0;
    }

    public static string Name(this Scope scope) => Names[(int)scope];

    /// <summary>True for the scopes that are one value of a linkage key.</summary>
    public static bool IsEntity(this Scope scope) => scope is not (Scope.Account or Scope.Cluster);
}
