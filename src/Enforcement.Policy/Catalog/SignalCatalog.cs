using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Enforcement.Policy.Catalog;

/// <summary>
/// The declared signal types and the linkage attributes they carry. Signals and attributes have dense
/// indices so that windows and compiled conditions address them by position, never by name.
/// </summary>
public sealed class SignalCatalog
{
    /// <summary>The linkage keys that tie accounts together; an entity is one value of one of these.</summary>
    public static readonly ImmutableArray<string> LinkageKeys = ["payment", "ip_prefix", "device", "org", "prompt_template", "proxy"];

    private readonly FrozenDictionary<string, int> signalIndex;
    private readonly FrozenDictionary<string, int> attributeIndex;

    /// <param name="clusters">How entities link accounts into clusters; <see cref="ClusterRules.Default"/> when not given.</param>
    public SignalCatalog(IEnumerable<SignalDefinition> signals, string file = "signals.yaml", ClusterRules? clusters = null)
    {
        Signals = [.. signals];
        File = file;
        Clusters = clusters ?? ClusterRules.Default;
        signalIndex = Signals.Select((s, i) => KeyValuePair.Create(s.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        Attributes = [.. Signals.SelectMany(s => s.Attrs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        attributeIndex = Attributes.Select((a, i) => KeyValuePair.Create(a, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string File { get; }

    /// <summary>Which linkage keys connect accounts into clusters, and how widely shared a value may be and still connect them.</summary>
    public ClusterRules Clusters { get; }

    public ImmutableArray<SignalDefinition> Signals { get; }

    /// <summary>Every attribute some signal declares, in ordinal order.</summary>
    public ImmutableArray<string> Attributes { get; }

    public bool TryGetSignal(string name, out int index, out SignalDefinition signal)
    {
        if (signalIndex.TryGetValue(name, out index))
        {
            signal = Signals[index];
            return true;
        }
        signal = null!;
        index = -1;
        return false;
    }

    public SignalDefinition? Find(string name) => signalIndex.TryGetValue(name, out var i) ? Signals[i] : null;

    /// <summary>The index of an attribute in <see cref="Attributes"/>, or -1 if no signal declares it.</summary>
    public int AttributeIndex(string name) => attributeIndex.TryGetValue(name, out var i) ? i : -1;
}
