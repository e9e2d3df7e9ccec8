namespace Enforcement.Simulation.Tests;

public sealed class DeterminismTests
{
    private static async Task<List<string>> StreamAsync(long? seed)
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service, seed);
        return [.. service.Signals.Select(Describe)];
    }

    private static string Describe(SimSignal s) =>
        $"{s.Id}|{s.Account}|{s.Type}|{s.Value}|{s.Category}|{s.At:O}|{string.Join(",", (s.Attrs ?? new Dictionary<string, string>()).OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"))}";

    [Fact]
    public async Task The_same_seed_gives_the_same_signal_stream()
    {
        var first = await StreamAsync(seed: null);
        var second = await StreamAsync(seed: null);

        Assert.True(first.Count > 1000, $"only {first.Count} signals");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Another_seed_gives_another_stream()
    {
        var first = await StreamAsync(seed: 1);
        var second = await StreamAsync(seed: 2);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Signals_go_in_batches_of_at_most_the_batch_size_and_none_is_lost()
    {
        var whole = new InMemoryService();
        var small = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), whole);
        await Simulation.RunAsync(TestScenarios.Small(), small, new SimulationOptions { MaxBatch = 7 }, CancellationToken.None);

        Assert.Equal(7, small.LargestBatch);
        Assert.Equal(whole.Signals.Select(s => s.Id), small.Signals.Select(s => s.Id));
    }

    [Fact]
    public async Task Signal_ids_are_unique_and_numbered_per_account()
    {
        var service = new InMemoryService();
        await TestScenarios.RunAsync(TestScenarios.Small(), service);

        Assert.Equal(service.Signals.Count, service.Signals.Select(s => s.Id).Distinct().Count());
        foreach (var account in service.Signals.GroupBy(s => s.Account))
            Assert.Equal(Enumerable.Range(1, account.Count()).Select(n => $"{account.Key}-{n}"), account.Select(s => s.Id));
    }
}
