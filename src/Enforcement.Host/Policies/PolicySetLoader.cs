using Enforcement.Host.Configuration;
using Enforcement.Runtime.PolicySets;
using Enforcement.Store;
using Enforcement.Store.PolicySets;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Policies;

/// <summary>
/// Makes a policy set active before the silo takes its first call: the store's active set, or on a first start the
/// shipped pack saved as version 1. Then re-reads the store every few seconds, since in a cluster another silo may
/// have replaced the set. A stored set that no longer compiles stops the host at startup with every problem printed;
/// found later, it is logged and the running set stays.
/// </summary>
internal sealed partial class PolicySetLoader(
    IEnforcementStore store,
    ActivePolicySet active,
    IOptions<EnforcementOptions> options,
    TimeProvider time,
    ILogger<PolicySetLoader> logger) : IHostedService, IDisposable
{
    private const string Actor = "system";

    private readonly CancellationTokenSource stopping = new();
    private Task refreshing = Task.CompletedTask;
    private long lastRejected;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadActivePolicySetAsync(cancellationToken);
        var loaded = stored is null ? await AdoptShippedPackAsync(cancellationToken) : Compile(stored);
        active.Activate(loaded);
        LogActive(logger, loaded.Version, loaded.Set.Hash);
        refreshing = RefreshAsync(stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task<PolicySetVersion> AdoptShippedPackAsync(CancellationToken cancellationToken)
    {
        var pack = PolicyPack.Find(options.Value.PolicyDir);
        var result = PolicySetCompilation.Compile(pack.Files.ToDictionary(f => f.File, f => f.Text, StringComparer.Ordinal));
        if (result.Set is null)
            throw new InvalidOperationException(
                $"The policy pack in {pack.Origin} does not compile:{Environment.NewLine}{PolicySetCompilation.Describe(result.Errors)}");
        var stored = await store.SavePolicySetAsync(PolicySetCompilation.FilesOf(result.Set), result.Set.Hash, Actor, time.GetUtcNow(), cancellationToken);
        LogAdopted(logger, pack.Origin, stored.Version);
        return new PolicySetVersion(stored.Version, result.Set);
    }

    private static PolicySetVersion Compile(StoredPolicySet stored)
    {
        var result = PolicySetCompilation.Compile(stored.Files);
        return result.Set is null
            ? throw new InvalidOperationException(
                $"The active policy set in the store (version {stored.Version}) does not compile with this host:{Environment.NewLine}{PolicySetCompilation.Describe(result.Errors)}")
            : new PolicySetVersion(stored.Version, result.Set);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.PolicyRefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await RefreshOnceAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        StoredPolicySet? stored;
        try
        {
            stored = await store.ReadActivePolicySetAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefreshFailed(logger, e);
            return;
        }
        if (stored is null || stored.Version <= active.Current.Version || stored.Version == lastRejected)
            return;
        var result = PolicySetCompilation.Compile(stored.Files);
        if (result.Set is null)
        {
            lastRejected = stored.Version;
            LogStoredSetRejected(logger, stored.Version, PolicySetCompilation.Describe(result.Errors));
            return;
        }
        if (active.Activate(new PolicySetVersion(stored.Version, result.Set)))
            LogActive(logger, stored.Version, result.Set.Hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy set version {Version} ({Hash}) is active")]
    private static partial void LogActive(ILogger logger, long version, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store had no policy set: adopted {Origin} as version {Version}")]
    private static partial void LogAdopted(ILogger logger, string origin, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Policy set version {Version} in the store does not compile; the running set stays active:\n{Problems}")]
    private static partial void LogStoredSetRejected(ILogger logger, long version, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the active policy set from the store")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
