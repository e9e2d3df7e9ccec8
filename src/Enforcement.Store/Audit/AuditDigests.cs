using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Enforcement.Store.Audit;

/// <summary>Takes a digest of the log, and writes and reads the file an operator keeps apart from the database.</summary>
public static class AuditDigests
{
    private static readonly JsonDocumentOptions ReaderOptions = new() { AllowDuplicateProperties = false };

    /// <summary>The heads of every chain as the log has them now, with their root; not saved (its id is 0).</summary>
    public static async Task<AuditDigest> ComputeAsync(IAuditLog log, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        var heads = ImmutableArray.CreateBuilder<ChainHead>();
        await foreach (var head in log.ReadChainHeadsAsync(ct).ConfigureAwait(false))
            heads.Add(head);
        return new AuditDigest(0, at, heads.Sum(head => head.Seq), AuditChain.RootOf(heads), heads.ToImmutable());
    }

    /// <summary>True when the digest's root and record count are those of its heads: nobody edited it since it was taken.</summary>
    public static bool IsConsistent(AuditDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var heads = digest.Heads.IsDefault ? [] : digest.Heads;
        return string.Equals(AuditChain.RootOf(heads), digest.Root, StringComparison.Ordinal)
            && heads.Sum(head => head.Seq) == digest.Records;
    }

    /// <summary><c>{"id","at","records","root","heads":[{"subject","seq","hash"}]}</c>, indented for a person to read.</summary>
    public static string ToJson(AuditDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("id", digest.Id);
            json.WriteString("at", TimeOf(digest));
            json.WriteNumber("records", digest.Records);
            json.WriteString("root", digest.Root);
            json.WriteStartArray("heads");
            foreach (var head in digest.Heads.IsDefault ? [] : digest.Heads)
            {
                json.WriteStartObject();
                json.WriteString("subject", head.Subject);
                json.WriteNumber("seq", head.Seq);
                json.WriteString("hash", head.Hash);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads a digest file and checks that its root and record count are still those of its heads.</summary>
    /// <exception cref="FormatException">The text is not a digest, or the digest was edited.</exception>
    public static AuditDigest FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AuditDigest digest;
        try
        {
            using var document = JsonDocument.Parse(json, ReaderOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("not a digest: expected a JSON object");
            var heads = Property(root, "heads");
            if (heads.ValueKind != JsonValueKind.Array)
                throw new FormatException("heads: expected an array");
            digest = new AuditDigest(
                Int64(root, "id"),
                Time(root, "at"),
                Int64(root, "records"),
                String(root, "root"),
                [.. heads.EnumerateArray().Select((head, i) => new ChainHead(String(head, "subject", i), Int64(head, "seq", i), String(head, "hash", i)))]);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a digest: {e.Message}", e);
        }

        if (!string.Equals(AuditChain.RootOf(digest.Heads), digest.Root, StringComparison.Ordinal))
            throw new FormatException($"the digest of {TimeOf(digest)} was edited: its root does not match its heads");
        if (digest.Heads.Sum(head => head.Seq) != digest.Records)
            throw new FormatException($"the digest of {TimeOf(digest)} was edited: it counts {digest.Records} records, its heads {digest.Heads.Sum(head => head.Seq)}");
        return digest;
    }

    internal static string TimeOf(AuditDigest digest) => digest.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static JsonElement Property(JsonElement parent, string name, int? head = null)
    {
        if (parent.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{Path(name, head)}: expected an object");
        return parent.TryGetProperty(name, out var value) ? value : throw new FormatException($"{Path(name, head)}: missing");
    }

    private static string String(JsonElement parent, string name, int? head = null) =>
        Property(parent, name, head) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new FormatException($"{Path(name, head)}: expected a string");

    private static long Int64(JsonElement parent, string name, int? head = null) =>
        Property(parent, name, head) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"{Path(name, head)}: expected a whole number");

    private static DateTimeOffset Time(JsonElement parent, string name) =>
        DateTimeOffset.TryParseExact(String(parent, name), "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new FormatException($"{name}: expected a round-trip (\"O\") time");

    private static string Path(string name, int? head) => head is { } i ? $"heads[{i}].{name}" : name;
}
