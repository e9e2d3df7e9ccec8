using Enforcement.Policy.Loading;
using Enforcement.Policy.Tests.Cli;

namespace Enforcement.Policy.Tests.Corpus;

/// <summary>
/// Golden tests as data: each folder under Corpus/broken holds a policy set with its mistakes and, in
/// expected.txt, the exact problems it must produce. The library and the command line run the same files.
/// </summary>
public sealed class BrokenCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepositoryPaths.Corpus).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    private static string[] Expected(string name) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Corpus, name, "expected.txt")).Where(l => l.Length > 0).ToArray();

    private static IReadOnlyList<PolicySource> Sources(string name) =>
        PolicyLoader.ReadDirectory(Path.Combine(RepositoryPaths.Corpus, name));

    [Fact]
    public void The_corpus_holds_at_least_forty_broken_sets()
    {
        Assert.True(Cases().Count >= 40, $"only {Cases().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_set_is_rejected_with_exactly_its_expected_problems(string name)
    {
        var result = PolicySetCompiler.Compile(Sources(name));

        Assert.Null(result.Set);
        Assert.Equal(Expected(name), result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lint_prints_every_problem_as_file_line_col_and_fails(string name)
    {
        var dir = Path.Combine(RepositoryPaths.Corpus, name);

        var (exit, output) = CliRun.Enforce("policy", "lint", dir);

        Assert.Equal(1, exit);
        var printed = CliRun.Lines(output).Where(l => l.StartsWith(dir, StringComparison.Ordinal)).ToArray();
        Assert.Equal(Expected(name).Select(l => Path.Combine(dir, l)), printed);
    }

    [Fact]
    public void Valid_files_beside_a_broken_one_are_not_half_loaded()
    {
        var sources = Sources("valid-beside-broken");
        var valid = sources.Where(s => !s.File.Contains("broken", StringComparison.Ordinal)).ToList();

        var alone = PolicySetCompiler.Compile(valid);
        var together = PolicySetCompiler.Compile(sources);

        Assert.True(alone.Accepted, string.Join("\n", alone.Errors));
        Assert.Equal(2, alone.Set!.Policies.Count());
        Assert.False(together.Accepted);
        Assert.All(together.Errors, e => Assert.Equal("c-broken.yaml", e.At.File));
    }
}
