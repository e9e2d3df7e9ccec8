using Enforcement.Policy.Definitions;

namespace Enforcement.Runtime;

/// <summary>How subjects are named in the journal, the audit log and the enforcement reasons.</summary>
public static class SubjectKeys
{
    public const string AccountPrefix = "account:";

    public const string ClusterPrefix = "cluster:";

    public static string Account(string id) => AccountPrefix + id;

    /// <summary>The account id of <c>account:a-42</c>; null for any other subject.</summary>
    public static string? AccountOf(string key) =>
        key.StartsWith(AccountPrefix, StringComparison.Ordinal) ? key[AccountPrefix.Length..] : null;

    /// <summary>One value of a linkage key: <c>payment:9f3a</c>, <c>ip_prefix:203.0.113.0/24</c>.</summary>
    public static string Entity(Scope scope, string value) => scope.Name() + ":" + value;

    public static string Cluster(string id) => ClusterPrefix + id;

    /// <summary>Splits <c>proxy:p-7</c> into its scope and value; false for an account or a key of no known scope.</summary>
    public static bool TryParse(string key, out Scope scope, out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        value = colon < 0 ? "" : key[(colon + 1)..];
        if (colon <= 0 || value.Length == 0 || !Scopes.TryParse(key[..colon], out scope) || scope == Scope.Account)
        {
            scope = default;
            return false;
        }
        return true;
    }
}
