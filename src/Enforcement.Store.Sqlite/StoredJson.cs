using System.Text.Json;

namespace Enforcement.Store.Sqlite;

/// <summary>The JSON the store writes into TEXT columns (policy files, digests): camelCase, as on the wire.</summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
