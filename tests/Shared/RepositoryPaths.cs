namespace Enforcement.Tests;

/// <summary>Finds the files the tests read from the source tree: the shipped policy pack and scenarios.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "policies");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enforcement.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Enforcement.sln above {AppContext.BaseDirectory}.");
    }
}
