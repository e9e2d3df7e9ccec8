using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;

namespace Enforcement.Runtime.Clusters;

/// <summary>
/// Clusters as the connected components of accounts and the entities they share, kept incrementally with a union-find
/// over entities: an account joins together every entity it carries. The guard rail: an entity that more accounts share
/// than <see cref="ClusterRules.MaxMembersOf"/> allows (a carrier's prefix, a popular SDK's template, a proxy network)
/// links nobody, and once one crosses that line the components are computed again without it, so that what it welded
/// comes apart. Union by size keeps a large cluster's id when a small one joins it.
/// </summary>
/// <remarks>
/// Computing the components again costs a pass over every account. A small map does it at once; a large one, where
/// many values may cross their limit in a row (thousands of templates reaching the limit within minutes), does it once
/// a quarter of its accounts have been linked since the last time, so that it costs a constant amount per link. Until
/// then a value that crossed links nobody, but components it joined stay joined.
/// </remarks>
public sealed class ClusterMap(ClusterRules rules)
{
    private readonly Dictionary<string, int> entityIndex = new(StringComparer.Ordinal);
    private readonly List<Entity> entities = [];
    private readonly Dictionary<string, Carried> accounts = new(StringComparer.Ordinal);

    /// <summary>Accounts per component, at the component's root.</summary>
    private readonly Dictionary<int, int> accountsAt = [];

    public ClusterRules Rules => rules;

    /// <summary>Below this many accounts the components are computed again as soon as a value crosses its limit.</summary>
    public const int ImmediateRebuildBelow = 10_000;

    private int linksSinceRebuild;
    private bool rebuildPending;

    /// <summary>How many times a shared value crossed its limit and the components were computed again.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Records that <paramref name="account"/> carries <paramref name="entityKeys"/>; answers its cluster, or null when it is linked to no other account.</summary>
    public string? Link(string account, IEnumerable<string> entityKeys)
    {
        ArgumentNullException.ThrowIfNull(entityKeys);
        if (!accounts.TryGetValue(account, out var carried))
            accounts[account] = carried = new Carried();
        var home = Home(carried);
        var counted = home is not null;
        var crossed = false;
        List<int>? added = null;
        foreach (var key in entityKeys)
        {
            if (ScopeOf(key) is not { } scope || !rules.LinksBy(scope))
                continue;
            var index = IndexOf(key);
            if (!carried.All.Add(index))
                continue;
            var entity = entities[index];
            entity.Members++;
            if (!entity.Hub && entity.Members > rules.MaxMembersOf(scope))
            {
                entity.Hub = true;
                crossed = true;
            }
            if (!entity.Hub)
            {
                carried.Linking.Add(index);
                (added ??= []).Add(index);
            }
        }
        linksSinceRebuild++;
        rebuildPending |= crossed;
        if (rebuildPending && (accounts.Count < ImmediateRebuildBelow || linksSinceRebuild >= accounts.Count / 4))
        {
            Rebuild();
            return ClusterOf(account);
        }

        // The account's keys already linked are one component: only the new ones join it.
        if (added is not null)
        {
            var root = home ?? Find(added[0]);
            foreach (var index in added)
            {
                if (!entities[index].Hub)
                    root = Union(root, index);
            }
            if (!counted)
                accountsAt[root] = accountsAt.GetValueOrDefault(root) + 1;
        }
        return ClusterOf(account);
    }

    /// <summary>The account's cluster as the map stands, or null.</summary>
    public string? ClusterOf(string account)
    {
        if (!accounts.TryGetValue(account, out var carried) || Home(carried) is not { } root)
            return null;
        return accountsAt.GetValueOrDefault(root) >= 2 ? SubjectKeys.Cluster(IdOf(entities[root].Key)) : null;
    }

    /// <summary>How many accounts the account's cluster holds (1 when it is linked to none).</summary>
    public int SizeOf(string account) =>
        accounts.TryGetValue(account, out var carried) && Home(carried) is { } root ? accountsAt.GetValueOrDefault(root) : 1;

    /// <summary>True when the entity is shared too widely to link.</summary>
    public bool IsHub(string entityKey) => entityIndex.TryGetValue(entityKey, out var index) && entities[index].Hub;

    /// <summary>The id of a cluster: derived from its root entity, so it is the same on every silo and after every rebuild that keeps the root.</summary>
    public static string IdOf(string rootKey)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(rootKey), digest);
        return "c-" + Convert.ToHexStringLower(digest[..6]);
    }

    /// <summary>The scope's name a key starts with (<c>payment</c> of <c>payment:9f3a</c>), found without cutting the key: this runs for every link of every batch.</summary>
    private static string? ScopeOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var prefix = key.AsSpan(0, colon);
        foreach (var name in Scopes.Names)
        {
            if (prefix.SequenceEqual(name))
                return name;
        }
        return null;
    }

    /// <summary>The component of the account's keys that still link, dropping from the end those that no longer do.</summary>
    private int? Home(Carried carried)
    {
        var linking = carried.Linking;
        while (linking.Count > 0 && entities[linking[^1]].Hub)
            linking.RemoveAt(linking.Count - 1);
        return linking.Count == 0 ? null : Find(linking[^1]);
    }

    private int IndexOf(string key)
    {
        if (entityIndex.TryGetValue(key, out var index))
            return index;
        index = entities.Count;
        entities.Add(new Entity(key, index));
        entityIndex[key] = index;
        return index;
    }

    private int Find(int index)
    {
        var root = index;
        while (entities[root].Parent != root)
            root = entities[root].Parent;
        while (entities[index].Parent != root)
        {
            var next = entities[index].Parent;
            entities[index].Parent = root;
            index = next;
        }
        return root;
    }

    private int Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
            return ra;
        // The larger component (by accounts, then by entities, then the older root) keeps its root and so its id.
        var (big, small) = Larger(ra, rb) ? (ra, rb) : (rb, ra);
        entities[small].Parent = big;
        entities[big].Size += entities[small].Size;
        if (accountsAt.Remove(small, out var moved))
            accountsAt[big] = accountsAt.GetValueOrDefault(big) + moved;
        return big;
    }

    private bool Larger(int a, int b)
    {
        var (accountsA, accountsB) = (accountsAt.GetValueOrDefault(a), accountsAt.GetValueOrDefault(b));
        if (accountsA != accountsB)
            return accountsA > accountsB;
        if (entities[a].Size != entities[b].Size)
            return entities[a].Size > entities[b].Size;
        return a < b;
    }

    /// <summary>Computes every component again without the entities now too widely shared, accounts in the order they came.</summary>
    private void Rebuild()
    {
        Rebuilds++;
        linksSinceRebuild = 0;
        rebuildPending = false;
        foreach (var entity in entities)
        {
            entity.Parent = entity.Index;
            entity.Size = 1;
        }
        accountsAt.Clear();
        foreach (var carried in accounts.Values)
        {
            carried.Linking.RemoveAll(index => entities[index].Hub);
            var home = -1;
            foreach (var index in carried.Linking)
            {
                if (!entities[index].Hub)
                    home = home < 0 ? Find(index) : Union(home, index);
            }
            if (home >= 0)
                accountsAt[Find(home)] = accountsAt.GetValueOrDefault(Find(home)) + 1;
        }
    }

    /// <summary>An account's keys: all it ever carried (each counted once), and those of them that still link.</summary>
    private sealed class Carried
    {
        public HashSet<int> All { get; } = [];

        public List<int> Linking { get; } = [];
    }

    private sealed class Entity(string key, int index)
    {
        public string Key { get; } = key;

        public int Index { get; } = index;

        public int Parent { get; set; } = index;

        public int Size { get; set; } = 1;

        public int Members { get; set; }

        public bool Hub { get; set; }
    }
}
