using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Host.Configuration;

namespace Enforcement.Host.Auth;

/// <summary>
/// The keys that may call, as configured (<c>Enforcement:ApiKeys</c>) or, with none configured, as generated into the
/// data folder on the first run. Only SHA-256 hashes of the keys are held for lookup.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly ImmutableArray<(byte[] Hash, Caller Caller)> entries;

    public ApiKeyRing(IEnumerable<ApiKeyOptions> keys, string? generatedFile = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        entries = [.. Keys.Select(k => (HashOf(k.Key), new Caller(k.Name, k.Role)))];
        GeneratedFile = generatedFile;
    }

    /// <summary>The file the keys came from when none were configured; null when they are configuration.</summary>
    public string? GeneratedFile { get; }

    public ImmutableArray<ApiKeyOptions> Keys { get; }

    /// <summary>The configured keys, or those of <see cref="EnforcementOptions.ApiKeysPath"/>, created there if missing.</summary>
    public static ApiKeyRing Create(EnforcementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ApiKeys.Count > 0
            ? new ApiKeyRing(options.ApiKeys)
            : new ApiKeyRing(GeneratedApiKeys.LoadOrCreate(options.ApiKeysPath), options.ApiKeysPath);
    }

    /// <summary>
    /// The caller holding <paramref name="presented"/>, or null. Every key is compared, in time independent of where
    /// the first difference lies, so that timing tells an attacker neither a key's prefix nor which key matched.
    /// </summary>
    public Caller? Find(string presented)
    {
        var hash = HashOf(presented);
        Caller? found = null;
        foreach (var (keyHash, caller) in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
                found = caller;
        }
        return found;
    }

    private static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
