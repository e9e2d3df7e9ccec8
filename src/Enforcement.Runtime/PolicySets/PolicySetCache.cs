using System.Collections.Concurrent;
using Enforcement.Policy;
using Enforcement.Policy.Loading;
using Enforcement.Store.PolicySets;

namespace Enforcement.Runtime.PolicySets;

/// <summary>
/// Compiled policy sets by version, for a grain that replays journal entries applied under a set that is no longer
/// active. The active set is answered without compiling; older ones are read from the store and compiled once.
/// </summary>
public sealed class PolicySetCache(ActivePolicySet active, IPolicySetVersions versions)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<PolicySetVersion>>> compiled = new();

    public Task<PolicySetVersion> GetAsync(long version, CancellationToken cancellationToken = default)
    {
        var current = active.Current;
        if (current.Version == version)
            return Task.FromResult(current);
        return compiled.GetOrAdd(version, v => new Lazy<Task<PolicySetVersion>>(() => LoadAsync(v, cancellationToken))).Value;
    }

    private async Task<PolicySetVersion> LoadAsync(long version, CancellationToken cancellationToken)
    {
        var stored = await versions.ReadPolicySetAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Policy set version {version} is in the journal but not in the store.");
        var result = PolicySetCompiler.Compile(stored.Files.Select(f => new PolicySource(f.Key, f.Value)));
        if (result.Set is null)
            throw new InvalidOperationException($"Policy set version {version} no longer compiles: {string.Join("; ", result.Errors)}");
        return new PolicySetVersion(version, result.Set);
    }
}
