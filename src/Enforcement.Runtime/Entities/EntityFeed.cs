using System.Collections.Concurrent;
using System.Collections.Immutable;
using Enforcement.Policy;
using Enforcement.Policy.Definitions;
using Enforcement.Runtime.Clusters;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// Carries member accounts' signals to their entities and clusters. One per silo: the accounts on the silo hand it
/// their signals, and it sends each entity one call at a time with everything that accumulated for it meanwhile, so that
/// a proxy behind twenty thousand accounts takes their traffic in a few large calls instead of one per exchange.
/// Clusters are resolved the same way, a batch of accounts per call to the cluster map.
/// </summary>
public sealed class EntityFeed(IGrainFactory grains, FeedInstruments instruments)
{
    /// <summary>The most member entries one call carries.</summary>
    private const int MaxBatch = 2048;

    private readonly ConcurrentDictionary<string, Lane<MemberSignals, InheritedActions>> entities = new(StringComparer.Ordinal);
    // One lane to the one cluster map, kept open for good.
    private readonly Lane<AccountLinks, string?> clusters = new("clusters", closesWhenIdle: false);

    /// <summary>
    /// Hands one journal entry of an account to every entity and cluster it concerns under <paramref name="set"/>; answers
    /// the entities its signals carried, and the actions of those that have them once each has taken the entry. Only
    /// scopes with policies get a subject: a device nobody judges needs none.
    /// </summary>
    public async Task<Forwarded> ForwardAsync(string account, long seq, long created, ImmutableArray<SignalInput> signals, PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var byEntity = new Dictionary<string, ImmutableArray<SignalInput>.Builder>(StringComparer.Ordinal);
        var carried = new HashSet<string>(StringComparer.Ordinal);
        var clustered = !set.For(Scope.Cluster).Policies.IsEmpty;
        var linked = clustered ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var signal in signals)
        {
            if (signal.Attrs is null)
                continue;
            foreach (var scope in Linkage.EntityScopes)
            {
                if (!signal.Attrs.TryGetValue(scope.Name(), out var value))
                    continue;
                var key = SubjectKeys.Entity(scope, value);
                carried.Add(key);
                if (linked is not null && Linkage.Links(signal, scope))
                    linked.Add(key);
                if (set.For(scope).Policies.IsEmpty)
                    continue;
                if (!byEntity.TryGetValue(key, out var list))
                    byEntity[key] = list = ImmutableArray.CreateBuilder<SignalInput>();
                list.Add(signal);
            }
        }

        var deliveries = new List<Task<InheritedActions>>(byEntity.Count + 1);
        foreach (var (key, list) in byEntity)
            deliveries.Add(DeliverAsync(key, new MemberSignals(account, seq, created, list.ToImmutable())));
        if (linked is not null)
            deliveries.Add(ToClusterAsync(new AccountLinks(account, [.. linked.Order(StringComparer.Ordinal)]), new MemberSignals(account, seq, created, signals)));
        if (deliveries.Count == 0)
            return new Forwarded(carried, []);
        var answers = await Task.WhenAll(deliveries);
        return new Forwarded(carried, [.. answers.Where(a => a.Version > 0)]);
    }

    private async Task<InheritedActions> ToClusterAsync(AccountLinks links, MemberSignals signals)
    {
        var cluster = await clusters.Send(links, batch =>
        {
            instruments.ClusterMapCall();
            return grains.GetGrain<IClusterMapGrain>(0).Resolve(batch);
        });
        return cluster is null ? InheritedActions.None(SubjectKeys.ClusterPrefix) : await DeliverAsync(cluster, signals);
    }

    private Task<InheritedActions> DeliverAsync(string subject, MemberSignals signals)
    {
        while (true)
        {
            var lane = entities.GetOrAdd(subject, key => new Lane<MemberSignals, InheritedActions>(key, closesWhenIdle: true));
            if (lane.TrySend(signals, batch => Absorb(subject, batch), out var answer))
                return answer;
            // The lane closed as it went idle: take a fresh one.
            entities.TryRemove(KeyValuePair.Create(subject, lane));
        }
    }

    private async Task<ImmutableArray<InheritedActions>> Absorb(string subject, ImmutableArray<MemberSignals> batch)
    {
        instruments.EntityCall(batch.Length);
        var answer = await grains.GetGrain<IEntityGrain>(subject).Absorb(batch);
        return [.. Enumerable.Repeat(answer, batch.Length)];
    }

    /// <summary>
    /// One in-flight call per target: what arrives while a call is out waits and goes in the next one, so that batches
    /// grow with load and a quiet target answers at once. A lane that goes idle closes, which keeps the map small.
    /// </summary>
    private sealed class Lane<TItem, TAnswer>(string name, bool closesWhenIdle)
    {
        private readonly List<(TItem Item, TaskCompletionSource<TAnswer> Answer)> pending = [];
        private bool sending;
        private bool closed;

        public Task<TAnswer> Send(TItem item, Func<ImmutableArray<TItem>, Task<ImmutableArray<TAnswer>>> call)
        {
            if (!TrySend(item, call, out var answer))
                throw new InvalidOperationException($"Lane {name} is closed.");
            return answer;
        }

        public bool TrySend(TItem item, Func<ImmutableArray<TItem>, Task<ImmutableArray<TAnswer>>> call, out Task<TAnswer> answer)
        {
            var completion = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = completion.Task;
            bool start;
            lock (pending)
            {
                if (closed)
                    return false;
                pending.Add((item, completion));
                start = !sending;
                sending = true;
            }
            if (start)
                _ = Task.Run(() => PumpAsync(call));
            return true;
        }

        private async Task PumpAsync(Func<ImmutableArray<TItem>, Task<ImmutableArray<TAnswer>>> call)
        {
            while (true)
            {
                List<(TItem Item, TaskCompletionSource<TAnswer> Answer)> batch;
                lock (pending)
                {
                    if (pending.Count == 0)
                    {
                        sending = false;
                        // An entity's lane closes, so that a silo does not keep one per entity it ever fed.
                        closed = closesWhenIdle;
                        return;
                    }
                    var take = Math.Min(pending.Count, MaxBatch);
                    batch = pending.GetRange(0, take);
                    pending.RemoveRange(0, take);
                }
                try
                {
                    var answers = await call([.. batch.Select(b => b.Item)]);
                    for (var i = 0; i < batch.Count; i++)
                        batch[i].Answer.TrySetResult(answers[i]);
                }
                catch (Exception e)
                {
                    foreach (var (_, answer) in batch)
                        answer.TrySetException(e);
                }
            }
        }
    }
}
