using Enforcement.Policy.Definitions;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Entities;

/// <summary>Which of an account's signals an entity takes: those carrying the entity's value of its linkage key.</summary>
public static class Linkage
{
    /// <summary>The entity scopes, in the order of <see cref="Scopes.Names"/>.</summary>
    public static readonly Scope[] EntityScopes = [.. Enum.GetValues<Scope>().Where(s => s.IsEntity())];

    /// <summary>True when <paramref name="signal"/> concerns the subject: every signal of a member concerns its cluster.</summary>
    public static bool Concerns(SignalInput signal, Scope scope, string value)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (scope == Scope.Cluster)
            return true;
        return signal.Attrs is { } attrs && attrs.TryGetValue(scope.Name(), out var carried) && string.Equals(carried, value, StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the signal's value of <paramref name="scope"/> may tie its account to others in a cluster. An address
    /// seen through a proxy is the proxy's exit, shared with every customer of the proxy: it says nothing about who
    /// the account is with, so it links nobody (the proxy itself is an entity, judged by its own policies).
    /// </summary>
    public static bool Links(SignalInput signal, Scope scope)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return scope != Scope.IpPrefix || signal.Attrs is not { } attrs || !attrs.ContainsKey(Scope.Proxy.Name());
    }
}
