using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Enforcement.Runtime.Entities;
using Enforcement.Store.Sqlite;

namespace Enforcement.Cli.Simulate;

/// <summary>
/// What the in-process service did for the signals it was sent: grain calls and the store's writes and flushes, read
/// from the runtime's and the store's instruments. Per signal, these are what throughput is made of.
/// </summary>
internal sealed class ServiceWork : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private long accountCalls;

    public ServiceWork(IMeterFactory meters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name is FeedInstruments.MeterName or SqliteStoreOptions.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counts.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
    }

    /// <summary>Calls the simulator made to account grains: ingests, profiles and challenge reports.</summary>
    public void AccountCalls(int calls) => Interlocked.Add(ref accountCalls, calls);

    public WorkDone Done => new(
        Interlocked.Read(ref accountCalls),
        Count("enforcement.feed.entity_calls"),
        Count("enforcement.feed.entity_entries"),
        Count("enforcement.feed.cluster_map_calls"),
        Count("enforcement.store.writes"),
        Count("enforcement.store.flushes"));

    private long Count(string name) => counts.GetValueOrDefault(name);

    public void Dispose() => listener.Dispose();
}

/// <summary>Totals of <see cref="ServiceWork"/>.</summary>
internal sealed record WorkDone(long AccountCalls, long EntityCalls, long EntityEntries, long ClusterMapCalls, long Writes, long Flushes);
