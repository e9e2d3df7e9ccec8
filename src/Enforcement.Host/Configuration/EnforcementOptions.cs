using Enforcement.Store.Sqlite;

namespace Enforcement.Host.Configuration;

/// <summary>
/// The section <c>Enforcement</c>: where the embedded run keeps its data, who may call, and the limits on input. Every
/// default is what a first run on a laptop needs; a cluster overrides them through configuration.
/// </summary>
public sealed class EnforcementOptions
{
    public const string Section = "Enforcement";

    /// <summary>The SQLite database, generated API keys and audit digests live here (relative to the current directory).</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>The policy pack loaded when the store has no active set; the pack built into the host when the folder is missing.</summary>
    public string PolicyDir { get; set; } = "policies";

    /// <summary>The callers. None configured: the embedded run generates one key per role in <see cref="DataDir"/>.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Rules of case queues by name (<c>Enforcement:Queues:appeals:FourEyes</c>); a queue not named has none.</summary>
    public IDictionary<string, QueueOptions> Queues { get; } = new Dictionary<string, QueueOptions>(StringComparer.Ordinal);

    /// <summary>How often the scheduler looks for cases past their deadline and outcomes not yet applied.</summary>
    public TimeSpan CaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxSignalAge { get; set; } = TimeSpan.FromDays(7);

    public int MaxBatch { get; set; } = 10_000;

    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxIdLength { get; set; } = 128;

    public int MaxStringLength { get; set; } = 256;

    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the active set is re-read from the store: another silo may have replaced it.</summary>
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The silo-to-silo port of the embedded (localhost) cluster.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to; 0 runs the silo without a gateway.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// How long a commit waits for the disk: <c>Full</c> (the default) survives a power loss; <c>Normal</c> survives a
    /// crash of the process only, and is what <c>enforce simulate</c> runs its throwaway service with.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Pushing enforcement changes downstream; off unless a URL is configured.</summary>
    public OutboxOptions Outbox { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDir);

    public string DatabasePath => Path.Combine(DataPath, "enforcement.db");

    public string ApiKeysPath => Path.Combine(DataPath, "api-keys.json");

    public string DigestsPath => Path.Combine(DataPath, "digests");
}
