using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// The enforcement snapshots of the accounts whose grains are active on this silo, so that the gateway's hot path on
/// this silo answers without a grain call. An account's grain publishes here after every commit and withdraws when it
/// deactivates, so an entry exists exactly while this silo holds the account's one activation; any other account is
/// asked of its grain, wherever it lives.
/// </summary>
public sealed class SiloEnforcementStates(IServiceProvider services, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EnforcementSnapshot> snapshots = new(StringComparer.Ordinal);
    private IGrainFactory? grains;

    /// <summary>True while the account's grain is active on this silo and has published.</summary>
    public bool Holds(string account) => snapshots.ContainsKey(account);

    public void Publish(string account, EnforcementSnapshot snapshot) => snapshots[account] = snapshot;

    public void Withdraw(string account, EnforcementSnapshot snapshot) =>
        snapshots.TryRemove(KeyValuePair.Create(account, snapshot));

    /// <summary>The account's enforcement now: from this silo's snapshot when its grain is here, else from its grain.</summary>
    public ValueTask<EnforcementView> ReadAsync(string account)
    {
        if (snapshots.TryGetValue(account, out var snapshot))
            return ValueTask.FromResult(snapshot.At(time.GetUtcNow()));
        // Resolved late: the grain factory is the silo's, and the silo needs this type to build its grains.
        grains ??= services.GetRequiredService<IGrainFactory>();
        return new ValueTask<EnforcementView>(grains.GetGrain<IAccountGrain>(account).GetEnforcement());
    }
}
