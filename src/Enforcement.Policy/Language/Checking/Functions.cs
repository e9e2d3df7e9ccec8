using System.Collections.Immutable;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Language.Checking;

/// <summary>The functions of the condition language: window aggregates, and for entities and clusters their membership.</summary>
public static class Functions
{
    public static readonly ImmutableDictionary<string, AggregateKind> ByName = new Dictionary<string, AggregateKind>
    {
        ["count"] = AggregateKind.Count,
        ["sum"] = AggregateKind.Sum,
        ["avg"] = AggregateKind.Avg,
        ["min"] = AggregateKind.Min,
        ["max"] = AggregateKind.Max,
        ["share"] = AggregateKind.Share,
        ["distinct"] = AggregateKind.Distinct,
        ["members"] = AggregateKind.Members,
        ["new_members"] = AggregateKind.NewMembers,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static string Name(this AggregateKind kind) => ByName.First(p => p.Value == kind).Key;

    /// <summary>How the function is called, for "expected" messages.</summary>
    public static string Usage(this AggregateKind kind) => kind switch
    {
        AggregateKind.Share => "share(signal, \"value\", window)",
        AggregateKind.Distinct => "distinct(attribute, window)",
        AggregateKind.Members => "members(window)",
        AggregateKind.NewMembers => "new_members(age, window)",
        _ => $"{kind.Name()}(signal, window)",
    };

    public static int Arity(this AggregateKind kind) => kind switch
    {
        AggregateKind.Share => 3,
        AggregateKind.Members => 1,
        _ => 2,
    };
}
