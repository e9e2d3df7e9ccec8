using Enforcement.Policy.Loading;

namespace Enforcement.Policy.Tests.Loading;

public sealed class ReadDirectoryTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("enforcement-loading-");

    public void Dispose() => directory.Delete(recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(directory.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Reads_yaml_and_yml_files_in_ordinal_order_named_relative_to_the_directory()
    {
        Write("signals.yaml", "s");
        Write("b.yml", "b");
        Write("a.yaml", "a");
        Write("Z.yaml", "z");
        Write("ring/payment.yaml", "p");
        Write("notes.txt", "n");
        Write("a.yaml.bak", "x");

        var sources = PolicyLoader.ReadDirectory(directory.FullName);

        Assert.Equal(
            [new("Z.yaml", "z"), new("a.yaml", "a"), new("b.yml", "b"), new("ring/payment.yaml", "p"), new PolicySource("signals.yaml", "s")],
            sources);
    }

    [Fact]
    public void An_empty_directory_reads_as_no_files() =>
        Assert.Empty(PolicyLoader.ReadDirectory(directory.FullName));

    [Fact]
    public void The_files_read_load_as_a_set_with_errors_named_by_relative_path()
    {
        Write("signals.yaml", PolicyFiles.SignalsFile);
        Write("ring/payment.yaml", PolicyFiles.MinimalWith("severity: low", "severity: lo"));

        var result = PolicyLoader.Load(PolicyLoader.ReadDirectory(directory.FullName));

        Assert.Equal(["ring/payment.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'lo'"], PolicyFiles.Messages(result));
    }
}
