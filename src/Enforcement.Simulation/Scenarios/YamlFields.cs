using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// Reads the fields of one YAML mapping, reporting each problem at the node it concerns. Every field a reader asks for
/// is a known field: <see cref="Done"/> reports the others as unknown, naming the known ones.
/// </summary>
internal sealed class YamlFields(YamlMappingNode mapping, ScenarioErrors errors, string owner)
{
    private readonly List<string> known = [];

    public YamlMappingNode Node => mapping;

    public string Owner => owner;

    public ScenarioErrors Errors => errors;

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Value(string key, bool required = false)
    {
        known.Add(key);
        var value = Find(key);
        if (value is null && required)
            errors.At(mapping, $"{owner}: missing field '{key}'");
        return value;
    }

    public string? String(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
            return text;
        errors.At(node, $"{key}: a single value is expected");
        return null;
    }

    public long? Integer(string key, long min, long max, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        // Underscores group digits, as in 13_000_000.
        if (node is YamlScalarNode { Value: { } text }
            && long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
                return value;
            errors.At(node, $"{key}: {value} is out of range; expected {min}..{max}");
            return null;
        }
        errors.At(node, $"{key}: a whole number is expected");
        return null;
    }

    public int? Int(string key, int min, int max, bool required = false) => (int?)Integer(key, min, max, required);

    public double? Number(string key, double min, double max, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            if (value >= min && value <= max)
                return value;
            errors.At(node, $"{key}: {text} is out of range; expected {Format(min)}..{Format(max)}");
            return null;
        }
        errors.At(node, $"{key}: a number is expected");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Value(key);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
            return scalar.Value == "true";
        errors.At(node, $"{key}: true or false is expected");
        return null;
    }

    public TimeSpan? Duration(string key, TimeSpan min, TimeSpan max, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } text } && ScenarioDurations.TryParse(text, out var value))
        {
            if (value >= min && value <= max)
                return value;
            errors.At(node, $"{key}: {text} is out of range; expected {ScenarioDurations.Format(min)}..{ScenarioDurations.Format(max)}");
            return null;
        }
        errors.At(node, $"{key}: a duration such as 90s, 15m, 6h, 3d or 2w is expected");
        return null;
    }

    public DateTimeOffset? Time(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } text }
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return value.ToUniversalTime();
        errors.At(node, $"{key}: an ISO-8601 time with a zone is expected, such as 2026-03-02T00:00:00Z");
        return null;
    }

    public YamlFields? Mapping(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlMappingNode map)
            return new YamlFields(map, errors, key);
        errors.At(node, $"{key}: a mapping is expected");
        return null;
    }

    public ImmutableArray<YamlNode>? Sequence(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
            return null;
        if (node is YamlSequenceNode list)
            return [.. list.Children];
        errors.At(node, $"{key}: a list is expected");
        return null;
    }

    /// <summary>A mapping of values to weights; <paramref name="allowed"/> limits the values when given.</summary>
    public Mix? Mix(string key, IReadOnlyCollection<string>? allowed, bool required = false)
    {
        var fields = Mapping(key, required);
        if (fields is null)
            return null;
        var entries = ImmutableArray.CreateBuilder<MixEntry>();
        foreach (var (k, v) in fields.Node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (allowed is not null && !allowed.Contains(name))
            {
                errors.At(k, $"{key}: '{name}' is not one of {string.Join(", ", allowed)}");
                continue;
            }
            if (v is YamlScalarNode { Value: { } text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                && double.IsFinite(weight) && weight >= 0)
                entries.Add(new MixEntry(name, weight));
            else
                errors.At(v, $"{key}.{name}: a weight (a number, 0 or more) is expected");
        }
        var mix = new Mix(entries.ToImmutable());
        if (entries.Count > 0 && mix.Total <= 0)
            errors.At(fields.Node, $"{key}: the weights add up to 0");
        if (entries.Count == 0 && !fields.Node.Children.Any())
            errors.At(fields.Node, $"{key}: at least one value with a weight is expected");
        return mix;
    }

    /// <summary>Reports every key no reader asked for.</summary>
    public void Done()
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name))
                errors.At(key, $"{owner}: unknown field '{name}'; expected one of {string.Join(", ", known.Distinct())}");
        }
    }

    private YamlNode? Find(string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Format(double value) =>
        value == double.MaxValue ? "" : value.ToString(CultureInfo.InvariantCulture);
}
