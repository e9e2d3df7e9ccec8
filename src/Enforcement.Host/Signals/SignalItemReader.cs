using System.Globalization;
using System.Text.Json;
using Enforcement.Policy.Catalog;

namespace Enforcement.Host.Signals;

/// <summary>Reads one item of <c>POST /v1/signals</c> from its JSON into a <see cref="SignalItem"/>.</summary>
public static class SignalItemReader
{
    /// <param name="now">The server's time: the <c>at</c> of an item without one.</param>
    public static SignalItem Read(int index, JsonElement item, SignalCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (item.ValueKind != JsonValueKind.Object)
            return Malformed(index, now, $"the item is a JSON {Describe(item.ValueKind)}, not an object");
        string? id = null, account = null, type = null, category = null, problem = null;
        double? number = null;
        var at = now;
        Dictionary<string, string>? attrs = null;
        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "id":
                    id = ReadString(value, "id", ref problem);
                    break;
                case "account":
                    account = ReadString(value, "account", ref problem);
                    break;
                case "type":
                    type = ReadString(value, "type", ref problem);
                    break;
                case "value":
                    ReadValue(value, ref number, ref category, ref problem);
                    break;
                case "at":
                    at = ReadTime(value, now, ref problem);
                    break;
                case "attrs":
                    attrs = ReadAttrs(value, ref problem);
                    break;
                default:
                    problem ??= $"'{property.Name}' is not a field of a signal (id, account, type, value, at, attrs)";
                    break;
            }
        }
        var definition = type is null ? null : catalog.Find(type);
        return new SignalItem(index, id, account, type, number, category, at, attrs, definition, now, problem);
    }

    private static SignalItem Malformed(int index, DateTimeOffset now, string problem) =>
        new(index, null, null, null, null, null, now, null, null, now, problem);

    private static string? ReadString(JsonElement value, string field, ref string? problem)
    {
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        if (value.ValueKind != JsonValueKind.Null)
            problem ??= $"{field}: a string is expected, not a JSON {Describe(value.ValueKind)}";
        return null;
    }

    private static void ReadValue(JsonElement value, ref double? number, ref string? category, ref string? problem)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var n) && double.IsFinite(n):
                number = n;
                break;
            case JsonValueKind.True:
                number = 1;
                break;
            case JsonValueKind.False:
                number = 0;
                break;
            case JsonValueKind.String:
                category = value.GetString();
                break;
            case JsonValueKind.Null:
                break;
            default:
                problem ??= $"value: a number, or a string for a category signal, is expected, not {Describe(value.ValueKind)}";
                break;
        }
    }

    private static DateTimeOffset ReadTime(JsonElement value, DateTimeOffset now, ref string? problem)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return now;
        if (value.ValueKind != JsonValueKind.String)
        {
            problem ??= $"at: an ISO-8601 time is expected, not a JSON {Describe(value.ValueKind)}";
            return now;
        }
        var text = value.GetString()!;
        // Without a zone the time would be read in the server's, and mean another instant on another server.
        if (!HasZone(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            problem ??= $"at: '{Truncated(text)}' is not an ISO-8601 time with a zone, such as 2026-02-20T12:00:00Z";
            return now;
        }
        return at;
    }

    private static Dictionary<string, string>? ReadAttrs(JsonElement value, ref string? problem)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem ??= $"attrs: an object of strings is expected, not a JSON {Describe(value.ValueKind)}";
            return null;
        }
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attr in value.EnumerateObject())
        {
            if (attr.Value.ValueKind != JsonValueKind.String)
                problem ??= $"attrs.{Truncated(attr.Name)}: a string is expected, not a JSON {Describe(attr.Value.ValueKind)}";
            else
                attrs[attr.Name] = attr.Value.GetString()!;
        }
        return attrs;
    }

    private static bool HasZone(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
            return true;
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return t >= 0 && text.AsSpan(t).IndexOfAny('+', '-') >= 0;
    }

    private static string Truncated(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
