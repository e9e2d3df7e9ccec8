using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Enforcement.Host.Console;

/// <summary>
/// The reviewer console's static files, built into the host as resources (<c>console/…</c>) so that it is served the
/// same from any working folder and needs no build step of its own. They are a few kilobytes: read once, kept in memory,
/// each with an entity tag of its content so that a browser revalidates instead of downloading again.
/// </summary>
public sealed class ConsoleFiles
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleFile> files;

    private ConsoleFiles(FrozenDictionary<string, ConsoleFile> files) => this.files = files;

    public const string Index = "index.html";

    public static ConsoleFiles FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
            files[name] = new ConsoleFile(content, contentType, tag);
        }
        if (!files.ContainsKey(Index))
            throw new InvalidOperationException($"The host was built without the console: no resource {Prefix}{Index}.");
        return new ConsoleFiles(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public ConsoleFile? Find(string name) => files.GetValueOrDefault(name);
}

/// <summary>One file of the console: its bytes, their media type and an entity tag of their content.</summary>
public sealed record ConsoleFile(byte[] Content, string ContentType, EntityTagHeaderValue Tag);
