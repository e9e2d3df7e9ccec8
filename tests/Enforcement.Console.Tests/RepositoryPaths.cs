namespace Enforcement.Console.Tests;

public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Enforcement.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"No Enforcement.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string Policies => Path.Combine(Root, "policies");
}
