using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Enforcement.Simulation.Engine;

/// <summary>
/// The linkage attributes of a signal, as a fixed handful of fields rather than a hash table: one of these is shared by
/// every signal of an exchange and kept per account for reuse, so the generator allocates little per exchange.
/// <see cref="mask"/> says which keys the signal type carries (the catalog declares fewer for some types).
/// </summary>
internal sealed class SignalAttrs : IReadOnlyDictionary<string, string>
{
    public const int IpPrefix = 0, Proxy = 1, Device = 2, PromptTemplate = 3, Model = 4, Org = 5, Payment = 6;

    private static readonly string[] Names = ["ip_prefix", "proxy", "device", "prompt_template", "model", "org", "payment"];

    /// <summary>What <c>request</c>, <c>cot_elicitation</c> and <c>capability</c> carry.</summary>
    public const int ExchangeKeys = 1 << IpPrefix | 1 << Proxy | 1 << Device | 1 << PromptTemplate | 1 << Model | 1 << Org;

    /// <summary>What <c>new_model_request</c> carries.</summary>
    public const int NewModelKeys = 1 << IpPrefix | 1 << Proxy | 1 << PromptTemplate | 1 << Model;

    /// <summary>What <c>region_mismatch</c> carries.</summary>
    public const int MismatchKeys = 1 << IpPrefix | 1 << Proxy;

    public const int PaymentKeys = 1 << Payment;

    private readonly string?[] values = new string?[Names.Length];
    private readonly int mask;

    public SignalAttrs(int keys, string? ipPrefix = null, string? proxy = null, string? device = null, string? template = null, string? model = null, string? org = null, string? payment = null)
    {
        values[IpPrefix] = ipPrefix;
        values[Proxy] = proxy;
        values[Device] = device;
        values[PromptTemplate] = template;
        values[Model] = model;
        values[Org] = org;
        values[Payment] = payment;
        for (var i = 0; i < Names.Length; i++)
        {
            if ((keys & 1 << i) != 0 && values[i] is not null)
                mask |= 1 << i;
        }
        Count = int.PopCount(mask);
    }

    public int Count { get; }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if ((mask & 1 << i) != 0)
                    yield return Names[i];
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if ((mask & 1 << i) != 0)
                    yield return values[i]!;
            }
        }
    }

    public bool ContainsKey(string key) => Slot(key) is var i && i >= 0 && (mask & 1 << i) != 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = Slot(key);
        if (i >= 0 && (mask & 1 << i) != 0)
        {
            value = values[i]!;
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if ((mask & 1 << i) != 0)
                yield return new KeyValuePair<string, string>(Names[i], values[i]!);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Slot(string key) => key switch
    {
        "ip_prefix" => IpPrefix,
        "proxy" => Proxy,
        "device" => Device,
        "prompt_template" => PromptTemplate,
        "model" => Model,
        "org" => Org,
        "payment" => Payment,
        _ => -1,
    };
}
