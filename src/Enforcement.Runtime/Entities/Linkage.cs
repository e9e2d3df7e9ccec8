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
}
