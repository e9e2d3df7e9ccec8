using System.Collections.Immutable;

namespace Enforcement.Runtime.Tests.Store;

public sealed class PolicySetVersions
{
    private static ImmutableSortedDictionary<string, string> Files(string text) =>
        ImmutableSortedDictionary.CreateRange<string, string>(
            StringComparer.Ordinal,
            [new("signals.yaml", "signals:\n  - request\n"), new("cot.yaml", text)]);

    [Fact]
    public async Task Versions_increase_and_the_last_saved_is_active()
    {
        await using var file = await StoreFile.OpenAsync();

        var v1 = await file.Store.SavePolicySetAsync(Files("one"), "hash-1", "alice", Sample.Noon);
        var v2 = await file.Store.SavePolicySetAsync(Files("two"), "hash-2", "bob", Sample.Noon.AddHours(1));
        var active = await (await file.ReopenAsync()).ReadActivePolicySetAsync();

        Assert.True(v2.Version > v1.Version);
        Assert.NotNull(active);
        Assert.Equal((v2.Version, "hash-2", "bob", Sample.Noon.AddHours(1)), (active.Version, active.Hash, active.Actor, active.At));
        Assert.Equal(Files("two"), active.Files);
    }

    [Fact]
    public async Task Every_saved_version_can_be_read_back()
    {
        await using var file = await StoreFile.OpenAsync();
        var v1 = await file.Store.SavePolicySetAsync(Files("one \"quoted\"\n"), "hash-1", "alice", Sample.Noon);
        await file.Store.SavePolicySetAsync(Files("two"), "hash-2", "bob", Sample.Noon.AddHours(1));

        var read = await file.Store.ReadPolicySetAsync(v1.Version);

        Assert.NotNull(read);
        Assert.Equal(("hash-1", "alice"), (read.Hash, read.Actor));
        Assert.Equal(Files("one \"quoted\"\n"), read.Files);
        Assert.Null(await file.Store.ReadPolicySetAsync(v1.Version + 100));
    }

    [Fact]
    public async Task There_is_no_active_set_before_one_is_saved()
    {
        await using var file = await StoreFile.OpenAsync();

        Assert.Null(await file.Store.ReadActivePolicySetAsync());
    }
}
