using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Evaluation;

/// <summary>
/// Turns a signal as detectors name it (type, value, attributes by name) into an <see cref="Observation"/>
/// addressed by catalog indices, or says why it cannot be taken.
/// </summary>
public static class Observations
{
    public static bool TryCreate(
        SignalCatalog catalog,
        string type,
        double value,
        string? category,
        string account,
        long accountCreated,
        long at,
        IReadOnlyDictionary<string, string>? attrs,
        out Observation observation,
        out string problem)
    {
        observation = default;
        problem = "";
        if (!catalog.TryGetSignal(type, out var signal, out var definition))
        {
            problem = $"unknown signal type '{type}': the catalog declares {string.Join(", ", catalog.Signals.Select(s => s.Name))}";
            return false;
        }

        var categoryIndex = -1;
        if (definition.Kind == SignalKind.Category)
        {
            categoryIndex = category is null ? -1 : definition.CategoryIndex(category);
            if (categoryIndex < 0)
            {
                problem = $"'{type}' is a category signal: expected a value among {string.Join(", ", definition.Values)}, not {(category is null ? "a number" : $"'{category}'")}";
                return false;
            }
            value = 1;
        }
        else if (category is not null)
        {
            problem = $"'{type}' is a {definition.Kind.ToString().ToLowerInvariant()} signal: expected a number, not '{category}'";
            return false;
        }
        else if (definition.Kind == SignalKind.Score && value is < 0 or > 1)
        {
            problem = $"'{type}' is a score: expected a value from 0 to 1, not {value}";
            return false;
        }
        else if (!double.IsFinite(value))
        {
            problem = $"'{type}': expected a finite number";
            return false;
        }

        string?[]? attributes = null;
        if (attrs is { Count: > 0 })
        {
            attributes = new string?[catalog.Attributes.Length];
            foreach (var (name, attrValue) in attrs)
            {
                if (!definition.Attrs.Contains(name, StringComparer.Ordinal))
                {
                    problem = $"'{type}' does not carry attribute '{name}': expected one of {(definition.Attrs.IsEmpty ? "none" : string.Join(", ", definition.Attrs))}";
                    return false;
                }
                attributes[catalog.AttributeIndex(name)] = attrValue;
            }
        }

        observation = new Observation(signal, at, value, categoryIndex, account, accountCreated, attributes);
        return true;
    }
}
