namespace Enforcement.Benchmarks.Memory;

/// <summary>
/// What objects really keep on the heap, measured by the runtime rather than computed: many instances are made and
/// kept, and the heap is compared before and after with full collections, so that temporaries made on the way (an
/// enumerator, a builder) are not counted and the per-instance figure is exact to a fraction of a byte.
/// </summary>
internal static class Retained
{
    public static double BytesPerInstance(Func<object> create, int count = 10_000)
    {
        var kept = new object[count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
            kept[i] = create();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return (after - before) / (double)count;
    }
}
