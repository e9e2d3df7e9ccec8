using System.Diagnostics.Metrics;

namespace Enforcement.Store.Sqlite.Writing;

/// <summary>
/// What the writer does: writes applied and the flushes (transactions) they shared, whose ratio is how well group
/// commit amortises a transaction's fixed cost. Counted on <see cref="SqliteStoreOptions.Meters"/>; with none, nothing
/// is counted.
/// </summary>
internal sealed class WriterInstruments
{
    private readonly Counter<long>? writes;
    private readonly Counter<long>? flushes;

    public WriterInstruments(IMeterFactory? meters)
    {
        if (meters is null)
            return;
        var meter = meters.Create(SqliteStoreOptions.MeterName);
        writes = meter.CreateCounter<long>("enforcement.store.writes", "{write}", "Writes applied by the store's writer: commits, checkpoints, policy sets, cases.");
        flushes = meter.CreateCounter<long>("enforcement.store.flushes", "{transaction}", "Transactions the writer committed, each holding every write queued when it began.");
    }

    public void Flushed(int batch)
    {
        flushes?.Add(1);
        writes?.Add(batch);
    }
}
