using Enforcement.Policy;

namespace Enforcement.Benchmarks.Shared;

/// <summary>
/// The policy pack the repository ships in <c>policies/</c>, read where authors keep it rather than from a copy, so
/// that the figures are always those of the pack as it stands.
/// </summary>
internal static class DefaultPack
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "policies");

    /// <summary>The compiled pack; a pack that does not compile is a broken checkout, not a benchmark result.</summary>
    public static PolicySet Load()
    {
        var result = PolicySetCompiler.CompileDirectory(Directory);
        var set = result.Set ?? throw new InvalidOperationException(
            $"the pack in {Directory} was rejected:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        // Measure the conditions as a running service has them: on their second tier.
        set.Promoted.Wait();
        return set;
    }

    // BenchmarkDotNet runs each benchmark from a generated project below this one's output folder, so the walk
    // starts from wherever the binary is and goes up until it meets the solution file.
    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Enforcement.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Enforcement.sln");
    }
}
