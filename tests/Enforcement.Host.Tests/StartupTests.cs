using Enforcement.Host.Auth;
using Enforcement.Host.Configuration;
using Enforcement.Host.Policies;
using Enforcement.Store.Sqlite;
using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Tests;

/// <summary>What the embedded run does on its own: generated keys, the built-in policy pack, refusing a bad configuration.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("enforcement-startup-").FullName;

    [Fact]
    public void Without_configured_keys_one_key_per_role_is_generated_into_the_data_folder_and_reused()
    {
        var options = new EnforcementOptions { DataDir = dataDir };

        var first = ApiKeyRing.Create(options);
        var second = ApiKeyRing.Create(options);

        Assert.Equal(options.ApiKeysPath, first.GeneratedFile);
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), first.Keys.Select(k => k.Role).Order(StringComparer.Ordinal));
        Assert.Equal(first.Keys.Select(k => k.Key), second.Keys.Select(k => k.Key));
        Assert.All(first.Keys, k => Assert.Equal(k.Role, first.Find(k.Key)!.Role));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.ApiKeysPath));
    }

    [Fact]
    public void Configured_keys_are_used_and_no_file_is_written()
    {
        var options = new EnforcementOptions { DataDir = dataDir };
        options.ApiKeys.Add(new ApiKeyOptions { Key = "configured-key-0123456789", Role = Roles.Reviewer, Name = "alice" });

        var ring = ApiKeyRing.Create(options);

        Assert.Null(ring.GeneratedFile);
        Assert.Equal(new Caller("alice", Roles.Reviewer), ring.Find("configured-key-0123456789"));
        Assert.Null(ring.Find("configured-key-012345678"));
        Assert.False(File.Exists(options.ApiKeysPath));
    }

    [Fact]
    public void A_missing_policy_folder_falls_back_to_the_pack_built_into_the_host_which_is_the_repository_pack()
    {
        var pack = PolicyPack.Find(Path.Combine(dataDir, "no-such-folder"));

        var repository = Directory.GetFiles(RepositoryPaths.Policies, "*.yaml")
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        Assert.Equal(repository.Keys.Order(StringComparer.Ordinal), pack.Files.Select(f => f.File));
        Assert.All(pack.Files, f => Assert.Equal(repository[f.File], f.Text));
        Assert.True(PolicySetCompilation.Compile(pack.Files.ToDictionary(f => f.File, f => f.Text), promote: false).Accepted);
    }

    [Fact]
    public async Task A_host_configured_with_a_key_without_a_role_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Enforcement:DataDir"] = dataDir,
                ["Enforcement:ApiKeys:0:Key"] = "a-key-long-enough-0123456789",
                ["Enforcement:ApiKeys:0:Role"] = "superuser",
                ["Enforcement:ApiKeys:0:Name"] = "mallory",
            }));
            await app.StartAsync();
        });

        Assert.Contains("superuser", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDir, "enforcement.db")));
    }

    [Fact]
    public async Task A_stored_set_that_no_longer_compiles_stops_the_host_naming_every_problem()
    {
        var files = new Dictionary<string, string>(TestPack.Files) { ["burst.yaml"] = TestPack.BrokenBurst };
        await using (var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(dataDir, "enforcement.db") }))
            await store.SavePolicySetAsync(files.ToImmutableSortedDictionary(StringComparer.Ordinal), "a-hash-of-yesterday", "test", Signal.Now);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = EnforcementHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Enforcement:DataDir"] = dataDir,
                ["Enforcement:SiloPort"] = TestMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            await app.StartAsync();
        });

        Assert.Contains("version 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("burst.yaml:10:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("requests", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        TestMachine.DeleteFolder(dataDir);
    }
}
