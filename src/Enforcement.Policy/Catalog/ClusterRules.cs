using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Enforcement.Policy.Catalog;

/// <summary>
/// Which shared entities connect accounts into a cluster, and the guard rail against welding the world into one:
/// a value shared by more accounts than its key's limit (a carrier's prefix, a university's network, a popular
/// SDK's prompt template, a proxy network) links none of them. Written in the catalog's <c>clusters:</c> section.
/// </summary>
public sealed record ClusterRules
{
    public const int DefaultMaxMembers = 200;

    /// <summary>Every linkage key links, each up to <see cref="DefaultMaxMembers"/> accounts per value.</summary>
    public static ClusterRules Default { get; } = new(SignalCatalog.LinkageKeys, DefaultMaxMembers);

    /// <param name="links">Linkage keys from <see cref="SignalCatalog.LinkageKeys"/>; kept in that order whatever order they come in.</param>
    /// <param name="maxMembersByKey">Limits for some of <paramref name="links"/> that differ from <paramref name="maxMembers"/>.</param>
    /// <exception cref="ArgumentException">A key is not a linkage key, an override is for a key that does not link, or a limit is not positive.</exception>
    public ClusterRules(IEnumerable<string> links, int maxMembers, IEnumerable<KeyValuePair<string, int>>? maxMembersByKey = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMembers, 1);
        var linked = links.ToHashSet(StringComparer.Ordinal);
        foreach (var key in linked.Where(k => !SignalCatalog.LinkageKeys.Contains(k)))
            throw new ArgumentException($"'{key}' is not a linkage key", nameof(links));
        Links = [.. SignalCatalog.LinkageKeys.Where(linked.Contains)];
        MaxMembers = maxMembers;
        MaxMembersByKey = (maxMembersByKey ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var (key, limit) in MaxMembersByKey)
        {
            if (!linked.Contains(key))
                throw new ArgumentException($"a limit for '{key}', which does not link", nameof(maxMembersByKey));
            if (limit < 1)
                throw new ArgumentOutOfRangeException(nameof(maxMembersByKey), limit, $"the limit for '{key}' must be at least 1");
        }
    }

    /// <summary>The linkage keys that connect accounts, in the order of <see cref="SignalCatalog.LinkageKeys"/>.</summary>
    public ImmutableArray<string> Links { get; }

    /// <summary>The most accounts one value of a key may be shared by and still link them, unless its key says otherwise.</summary>
    public int MaxMembers { get; }

    public FrozenDictionary<string, int> MaxMembersByKey { get; }

    /// <summary>Whether accounts sharing a value of <paramref name="key"/> are in one cluster.</summary>
    public bool LinksBy(string key) => Links.Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// The most accounts one value of <paramref name="key"/> may be shared by and still link them; a value shared by
    /// more links none. Says nothing on whether the key links at all: that is <see cref="LinksBy"/>.
    /// </summary>
    public int MaxMembersOf(string key) => MaxMembersByKey.TryGetValue(key, out var limit) ? limit : MaxMembers;

    public bool Equals(ClusterRules? other) =>
        other is not null
        && Links.SequenceEqual(other.Links)
        && MaxMembers == other.MaxMembers
        && MaxMembersByKey.Count == other.MaxMembersByKey.Count
        && MaxMembersByKey.All(e => other.MaxMembersByKey.TryGetValue(e.Key, out var limit) && limit == e.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var key in Links)
            hash.Add(key, StringComparer.Ordinal);
        hash.Add(MaxMembers);
        foreach (var key in Links)
            hash.Add(MaxMembersOf(key));
        return hash.ToHashCode();
    }
}
