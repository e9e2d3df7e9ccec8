using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Enforcement.Host.Policies;
using Enforcement.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcement.Host.Tests;

/// <summary>Reading, checking and replacing the policy set: a rejected set names every problem and changes nothing.</summary>
[Collection(SharedHost.Name)]
public sealed class PolicyTests(HostFixture host)
{
    [Fact]
    public async Task Get_answers_the_active_set_with_its_version_and_files()
    {
        var set = await Http.GetAsync(host.Client("policy-author"), "/v1/policies");
        Assert.True((long)set["version"]! >= 1);
        Assert.Equal(64, set["hash"]!.ToString().Length);
        Assert.Equal(TestPack.Burst, set["files"]!["burst.yaml"]!.ToString());
        Assert.Contains("signals.yaml", set["files"]!.AsObject().Select(f => f.Key));
    }

    [Fact]
    public async Task Validate_of_a_broken_set_answers_422_with_file_line_column_and_message_and_changes_nothing()
    {
        using var author = host.Client("policy-author");
        var before = await Http.GetAsync(author, "/v1/policies");

        using var response = await Http.SendAsync(author, "POST", "/v1/policies/validate", Body(BrokenFiles()));
        var problem = await Http.ProblemAsync(response, 422);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("burst.yaml", error["file"]!.ToString());
        Assert.Equal(10, (int)error["line"]!);
        Assert.True((int)error["column"]! > 1);
        Assert.Contains("requests", error["message"]!.ToString(), StringComparison.Ordinal);
        var after = await Http.GetAsync(author, "/v1/policies");
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
        Assert.Equal(before["hash"]!.ToString(), after["hash"]!.ToString());
    }

    [Fact]
    public async Task Validate_of_a_good_set_answers_its_hash_and_changes_nothing()
    {
        using var author = host.Client("policy-author");
        var before = await Http.GetAsync(author, "/v1/policies");
        var check = await Http.ExpectAsync(author, "POST", "/v1/policies/validate", 200, Body(TestPack.Files));
        Assert.True((bool)check["valid"]!);
        Assert.Equal(before["hash"]!.ToString(), check["hash"]!.ToString());
        Assert.Equal((long)before["version"]!, (long)(await Http.GetAsync(author, "/v1/policies"))["version"]!);
    }

    [Fact]
    public async Task Put_of_a_good_set_makes_it_the_next_active_version()
    {
        using var author = host.Client("policy-author");
        var before = (long)(await Http.GetAsync(author, "/v1/policies"))["version"]!;

        var accepted = await Http.ExpectAsync(author, "PUT", "/v1/policies", 200, Body(TestPack.Files));

        Assert.True((long)accepted["version"]! > before);
        var after = await Http.GetAsync(author, "/v1/policies");
        Assert.Equal((long)accepted["version"]!, (long)after["version"]!);
        Assert.Equal(accepted["hash"]!.ToString(), after["hash"]!.ToString());
    }

    [Fact]
    public async Task Put_of_a_broken_set_answers_422_and_the_previous_version_stays_active()
    {
        using var author = host.Client("policy-author");
        var before = await Http.GetAsync(author, "/v1/policies");

        using var response = await Http.SendAsync(author, "PUT", "/v1/policies", Body(BrokenFiles()));
        var problem = await Http.ProblemAsync(response, 422);

        Assert.NotEmpty(problem["errors"]!.AsArray());
        var after = await Http.GetAsync(author, "/v1/policies");
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
        Assert.Equal(TestPack.Burst, after["files"]!["burst.yaml"]!.ToString());
    }

    [Fact]
    public async Task Put_without_files_is_a_400_validation_problem_keyed_files()
    {
        using var response = await Http.SendAsync(host.Client("policy-author"), "PUT", "/v1/policies", "{}");
        var problem = await Http.ProblemAsync(response, 400);
        Assert.NotNull(problem["errors"]!["files"]);
    }

    [Fact]
    public async Task Put_of_a_file_that_is_not_yaml_is_a_400_validation_problem()
    {
        var files = new Dictionary<string, string>(TestPack.Files) { ["notes.txt"] = "hello" };
        using var response = await Http.SendAsync(host.Client("policy-author"), "PUT", "/v1/policies", Body(files));
        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("notes.txt", problem["errors"]!["files"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_another_silo_saved_in_the_store_becomes_active_here_at_the_next_refresh()
    {
        using var author = host.Client("policy-author");
        var store = host.Services.GetRequiredService<IEnforcementStore>();
        var files = TestPack.Files.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var hash = PolicySetCompilation.Compile(files, promote: false).Set!.Hash;

        var saved = await store.SavePolicySetAsync(files, hash, "another-silo", Signal.Now);

        var version = 0L;
        for (var attempt = 0; attempt < 50 && version != saved.Version; attempt++)
        {
            await Task.Delay(100);
            version = (long)(await Http.GetAsync(author, "/v1/policies"))["version"]!;
        }
        Assert.Equal(saved.Version, version);
    }

    private static Dictionary<string, string> BrokenFiles() =>
        new(TestPack.Files) { ["burst.yaml"] = TestPack.BrokenBurst };

    private static JsonObject Body(IReadOnlyDictionary<string, string> files) => new() { ["files"] = Http.Json(files) };
}
