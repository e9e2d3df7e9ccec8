using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enforcement.Host.Web;

/// <summary>Writes every time as ISO-8601 in UTC with a <c>Z</c>, whatever offset it was held with; reads any ISO-8601 time.</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime);
    }
}
