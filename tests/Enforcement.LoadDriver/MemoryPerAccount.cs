namespace Enforcement.LoadDriver;

/// <summary>
/// Managed memory per active account: the heap after a population of accounts has sent its signals, less the heap
/// before, over the number of accounts. Each account's grain is active and holds its windows, ladders and snapshot.
/// </summary>
public static class MemoryPerAccount
{
    public static async Task<(double BytesPerAccount, int Accounts)> RunAsync(IGrainFactory grains, int accounts, int signalsPerAccount)
    {
        var workload = new Workload(accounts, TimeProvider.System.GetUtcNow().AddMinutes(-30), seed: 7);
        // One account first, so that the heap's baseline holds the silo's warm caches and the compiled policy set.
        await GrainIngest.SendAsync(grains, new Workload(1, TimeProvider.System.GetUtcNow().AddMinutes(-30), seed: 8).Batch(0, 20));
        var before = Settle();
        var batchSize = 4_000;
        var batches = (int)Math.Ceiling((double)accounts * signalsPerAccount / batchSize);
        for (var b = 0; b < batches; b++)
            await GrainIngest.SendAsync(grains, workload.Batch(b, batchSize));
        var after = Settle();
        return ((after - before) / (double)accounts, accounts);
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
