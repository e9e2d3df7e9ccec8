namespace Enforcement.Policy.Tests.Loading;

/// <summary>Folders of the source tree, found from the test binaries so tests read files where authors keep them.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schema");

    public static string Policies => Path.Combine(Root, "policies");

    public static string Samples => Path.Combine(Root, "tests", "Enforcement.Policy.Tests", "Loading", "Samples");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Enforcement.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Enforcement.sln");
    }

    /// <summary>The YAML files under <paramref name="directory"/>, none when it does not exist.</summary>
    public static IEnumerable<string> YamlFilesUnder(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];
}
