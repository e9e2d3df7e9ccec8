using Enforcement.Runtime.Hosting;
using Enforcement.Runtime.PolicySets;
using Enforcement.Store;
using Enforcement.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Enforcement.Runtime.Tests.Grains;

/// <summary>
/// A test cluster of two silos, each with its own store on one shared SQLite file (as silos share a database), the
/// test pack saved as policy set version 1 and a fake clock per silo. Shared by the grain tests through a collection.
/// </summary>
public class RuntimeCluster : IAsyncLifetime
{
    public const string DatabaseKey = "Enforcement:TestDatabase";

    private readonly string directory = Directory.CreateTempSubdirectory("enforcement-cluster-").FullName;

    public TestCluster Cluster { get; private set; } = null!;

    public string DatabasePath => Path.Combine(directory, "enforcement.db");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The policy set saved as version 1 before the silos start.</summary>
    protected virtual System.Collections.Immutable.ImmutableSortedDictionary<string, string> Pack => TestPacks.Burst();

    public static DateTimeOffset Start { get; } = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await using (var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = DatabasePath }))
        {
            var set = TestPacks.Compile(Pack);
            await store.SavePolicySetAsync(Pack, set.Hash, "tests", Start);
        }

        var builder = new TestClusterBuilder(2);
        builder.Properties[DatabaseKey] = DatabasePath;
        builder.AddSiloBuilderConfigurator<SiloSetup>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still holds the file: the temp folder is the OS's to clean.
        }
    }

    /// <summary>The services of every silo, to reach what a host would: its clock, its active policy set, its store.</summary>
    public IEnumerable<IServiceProvider> SiloServices =>
        Cluster.Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services);

    public IEnforcementStore Store => SiloServices.First().GetRequiredService<IEnforcementStore>();

    /// <summary>Sets every silo's clock.</summary>
    public void SetTime(DateTimeOffset now)
    {
        foreach (var services in SiloServices)
            services.GetRequiredService<FakeTimeProvider>().AdjustTime(now);
    }

    /// <summary>Saves a policy set and makes it active on every silo, as the host's policy loader does.</summary>
    public async Task<PolicySetVersion> ReplacePolicySetAsync(System.Collections.Immutable.ImmutableSortedDictionary<string, string> files)
    {
        var set = TestPacks.Compile(files);
        var stored = await Store.SavePolicySetAsync(files, set.Hash, "tests", Start);
        var version = new PolicySetVersion(stored.Version, set);
        foreach (var services in SiloServices)
            services.GetRequiredService<ActivePolicySet>().Activate(version);
        return version;
    }

    private sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var path = siloBuilder.Configuration[DatabaseKey] ?? throw new InvalidOperationException("No test database.");
            siloBuilder.Services.AddSingleton<IEnforcementStore>(_ => SqliteStore.OpenAsync(new SqliteStoreOptions { Path = path }).GetAwaiter().GetResult());
            var clock = new FakeTimeProvider(Start);
            siloBuilder.Services.AddSingleton(clock);
            siloBuilder.Services.AddSingleton<TimeProvider>(clock);
            siloBuilder.Services.AddSingleton(sp =>
            {
                var active = new ActivePolicySet();
                var stored = sp.GetRequiredService<IEnforcementStore>().ReadActivePolicySetAsync().GetAwaiter().GetResult()
                    ?? throw new InvalidOperationException("The test database has no policy set.");
                active.Activate(new PolicySetVersion(stored.Version, TestPacks.Compile(stored.Files)));
                return active;
            });
            siloBuilder.AddEnforcementRuntime();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RuntimeClusterGroup : ICollectionFixture<RuntimeCluster>
{
    public const string Name = "runtime cluster";
}
