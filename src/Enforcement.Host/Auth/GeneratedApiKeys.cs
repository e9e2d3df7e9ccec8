using System.Security.Cryptography;
using System.Text.Json;
using Enforcement.Host.Configuration;

namespace Enforcement.Host.Auth;

/// <summary>
/// One random key per role for a run without configured keys, kept in a file of the data folder so that later runs
/// reuse them. The file has the shape of the <c>Enforcement:ApiKeys</c> section.
/// </summary>
public static class GeneratedApiKeys
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static IReadOnlyList<ApiKeyOptions> LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var keys = JsonSerializer.Deserialize<List<ApiKeyOptions>>(File.ReadAllText(path), Json);
            if (keys is null || keys.Count == 0 || keys.Any(k => k.Key.Length < EnforcementOptionsValidator.MinKeyLength || !Roles.All.Contains(k.Role)))
                throw new InvalidOperationException($"{path} does not hold API keys as this host writes them; remove it to have new ones generated.");
            return keys;
        }
        var created = Roles.All
            .Select(role => new ApiKeyOptions { Key = NewKey(), Role = role, Name = $"generated-{role}" })
            .ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(created, Json));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: false);
        return created;
    }

    private static string NewKey() => "enf_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(22));
}
