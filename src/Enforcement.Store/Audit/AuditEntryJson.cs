using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Enforcement.Store.Audit;

/// <summary>
/// The canonical JSON of an <see cref="AuditEntry"/>, written by hand rather than by a serializer's reflection or
/// generator so that the bytes a chain hashes depend on nothing but this file: every property always written (null
/// when empty) in the order below, times as UTC round-trip strings, numbers in round-trip form.
/// </summary>
internal static class AuditEntryJson
{
    // Explanations quote conditions (">=", "&&"); escaping them as \u003E would make stored bodies unreadable for nothing.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // Two "seq" properties would let a reader and a verifier disagree about what a body says.
    private static readonly JsonDocumentOptions ReaderOptions = new() { AllowDuplicateProperties = false };

    public static string Write(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("decision", entry.Decision);
            json.WriteString("subject", entry.Subject);
            json.WriteNumber("seq", entry.Seq);
            json.WriteString("at", Time(entry.At));
            json.WritePropertyName("policy");
            WritePolicy(json, entry.Policy);
            json.WriteString("kind", entry.Kind);
            json.WriteString("action", entry.Action);
            json.WriteString("from", entry.From);
            json.WriteString("to", entry.To);
            json.WriteString("effectiveAt", Time(entry.EffectiveAt));
            WriteNullable(json, "until", entry.Until is { } until ? Time(until) : null);
            WriteNullable(json, "explanation", entry.Explanation);
            json.WritePropertyName("evidence");
            WriteEvidence(json, entry.Evidence);
            json.WriteBoolean("shadow", entry.Shadow);
            json.WriteString("actor", entry.Actor);
            WriteNullable(json, "inherited", entry.Inherited);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static AuditEntry Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body, ReaderOptions);
        var root = Object(document.RootElement, "entry");
        return new AuditEntry(
            Decision: String(root, "decision"),
            Subject: String(root, "subject"),
            Seq: Int64(root, "seq"),
            At: Time(root, "at"),
            Policy: Optional(root, "policy") is { } policy ? ReadPolicy(policy) : null,
            Kind: String(root, "kind"),
            Action: String(root, "action"),
            From: String(root, "from"),
            To: String(root, "to"),
            EffectiveAt: Time(root, "effectiveAt"),
            Until: Optional(root, "until") is { } until ? ParseTime(until, "until") : null,
            Explanation: Optional(root, "explanation") is { } explanation ? StringValue(explanation, "explanation") : null,
            Evidence: Optional(root, "evidence") is { } evidence ? ReadEvidence(evidence) : null,
            Shadow: Boolean(root, "shadow"),
            Actor: String(root, "actor"),
            Inherited: Optional(root, "inherited") is { } inherited ? StringValue(inherited, "inherited") : null);
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyRef? policy)
    {
        if (policy is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("id", policy.Id);
        json.WriteNumber("version", policy.Version);
        json.WriteString("hash", policy.Hash);
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, Evidence? evidence)
    {
        if (evidence is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteStartObject("aggregates");
        // The dictionary's own comparer may be culture-aware; the bytes must not depend on it.
        foreach (var (key, value) in evidence.Aggregates.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(key);
            WriteDouble(json, value);
        }
        json.WriteEndObject();
        json.WriteStartArray("signals");
        foreach (var signal in evidence.Signals.IsDefault ? [] : evidence.Signals)
            json.WriteStringValue(signal);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        // JSON has no NaN or infinity: they travel as the strings double.Parse reads back.
        if (double.IsNaN(value))
            json.WriteStringValue("NaN");
        else if (double.IsPositiveInfinity(value))
            json.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value))
            json.WriteStringValue("-Infinity");
        else
            json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static PolicyRef ReadPolicy(JsonElement element)
    {
        var policy = Object(element, "policy");
        return new PolicyRef(String(policy, "id"), Int32(policy, "version"), String(policy, "hash"));
    }

    private static Evidence ReadEvidence(JsonElement element)
    {
        var evidence = Object(element, "evidence");
        var aggregates = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var aggregate in Object(Required(evidence, "aggregates"), "aggregates").EnumerateObject())
        {
            if (!aggregates.TryAdd(aggregate.Name, ReadDouble(aggregate.Value, aggregate.Name)))
                throw new JsonException($"evidence.aggregates: '{aggregate.Name}' appears twice");
        }
        var signals = Required(evidence, "signals");
        if (signals.ValueKind != JsonValueKind.Array)
            throw new JsonException("evidence.signals: expected an array");
        return new Evidence(
            aggregates.ToImmutable(),
            [.. signals.EnumerateArray().Select(signal => StringValue(signal, "evidence.signals[]"))]);
    }

    private static double ReadDouble(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDouble(out var value) => value,
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new JsonException($"evidence.aggregates.{name}: '{other}' is not a number"),
        },
        _ => throw new JsonException($"evidence.aggregates.{name}: expected a number"),
    };

    private static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new JsonException($"{name}: expected an object");

    private static JsonElement Required(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value : throw new JsonException($"{name}: missing");

    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string String(JsonElement parent, string name) => StringValue(Required(parent, name), name);

    private static string StringValue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new JsonException($"{name}: expected a string");

    private static long Int64(JsonElement parent, string name) =>
        Required(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number)
            ? number
            : throw new JsonException($"{name}: expected a whole number");

    private static int Int32(JsonElement parent, string name) =>
        Required(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : throw new JsonException($"{name}: expected a whole number");

    private static bool Boolean(JsonElement parent, string name) => Required(parent, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonException($"{name}: expected true or false"),
    };

    private static DateTimeOffset Time(JsonElement parent, string name) => ParseTime(Required(parent, name), name);

    private static DateTimeOffset ParseTime(JsonElement element, string name) =>
        DateTimeOffset.TryParseExact(StringValue(element, name), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new JsonException($"{name}: expected a round-trip (\"O\") time");
}
