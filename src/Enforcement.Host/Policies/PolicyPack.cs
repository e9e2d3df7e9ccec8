using System.Collections.Immutable;
using Enforcement.Policy.Loading;

namespace Enforcement.Host.Policies;

/// <summary>The policy files a first start adopts, and where they came from (for the log).</summary>
public sealed record PolicyPack(string Origin, ImmutableArray<PolicySource> Files)
{
    private const string ResourcePrefix = "policies/";

    /// <summary>
    /// The folder <paramref name="policyDir"/> (relative to the current directory) when it exists; otherwise the
    /// default pack built into the host.
    /// </summary>
    public static PolicyPack Find(string policyDir)
    {
        var folder = Path.GetFullPath(policyDir);
        return Directory.Exists(folder)
            ? new PolicyPack(folder, [.. PolicyLoader.ReadDirectory(folder)])
            : BuiltIn();
    }

    /// <summary>The repository's <c>policies/*.yaml</c> as they were when the host was built.</summary>
    public static PolicyPack BuiltIn()
    {
        var assembly = typeof(PolicyPack).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new PolicySource(name[ResourcePrefix.Length..], reader.ReadToEnd());
            });
        return new PolicyPack("the default pack built into the host", [.. files]);
    }
}
