using System.Diagnostics.Metrics;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// What the entity feed sends: calls to entity and cluster grains and the member entries they carried (entries per
/// call is how much the feed's lanes batch), and calls to the cluster map. Counted on the host's meter factory, so
/// that two silos in one process count apart; with none, nothing is counted.
/// </summary>
public sealed class FeedInstruments
{
    public const string MeterName = "Enforcement.Runtime";

    private readonly Counter<long>? entityCalls;
    private readonly Counter<long>? entityEntries;
    private readonly Counter<long>? clusterMapCalls;

    public FeedInstruments(IMeterFactory? meters)
    {
        if (meters is null)
            return;
        var meter = meters.Create(MeterName);
        entityCalls = meter.CreateCounter<long>("enforcement.feed.entity_calls", "{call}", "Calls made to entity and cluster grains.");
        entityEntries = meter.CreateCounter<long>("enforcement.feed.entity_entries", "{entry}", "Members' journal entries carried to entity and cluster grains.");
        clusterMapCalls = meter.CreateCounter<long>("enforcement.feed.cluster_map_calls", "{call}", "Calls made to the cluster map.");
    }

    internal void EntityCall(int entries)
    {
        entityCalls?.Add(1);
        entityEntries?.Add(entries);
    }

    internal void ClusterMapCall() => clusterMapCalls?.Add(1);
}
