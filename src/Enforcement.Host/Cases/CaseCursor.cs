using System.Buffers.Text;
using System.Text.Json;
using Enforcement.Store.Cases;

namespace Enforcement.Host.Cases;

/// <summary>
/// The queue's paging cursor on the wire (<c>next</c>, then <c>after</c>): where the last page ended, opaque to
/// callers. It carries the listing's own now, so that every page of one listing judges overdue alike.
/// </summary>
public static class CaseCursor
{
    public static string Encode(CasePosition position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, JsonSerializerOptions.Web));

    /// <summary>Null for anything this service did not hand out.</summary>
    public static CasePosition? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        try
        {
            var position = JsonSerializer.Deserialize<CasePosition>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web);
            return position is { Id: not null } ? position : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
