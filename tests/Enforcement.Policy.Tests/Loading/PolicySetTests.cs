using Enforcement.Policy.Loading;
using static Enforcement.Policy.Tests.Loading.PolicyFiles;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>What holds across the files of a set, and that a set is accepted whole or not at all.</summary>
public class PolicySetTests
{
    [Fact]
    public void A_valid_set_yields_its_catalog_and_policies()
    {
        var result = Load(("signals.yaml", SignalsFile), ("cot.yaml", DesignPolicy), ("minimal.yaml", MinimalPolicy));

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Equal(["request", "cot_elicitation", "capability", "payment"], result.Catalog!.Signals.Select(s => s.Name));
        Assert.Equal(["distillation.cot-elicitation", "minimal"], result.Policies.Select(p => p.Id));
    }

    [Fact]
    public void A_valid_file_beside_a_broken_one_is_not_accepted_though_it_is_checked_further()
    {
        var broken = MinimalWith("id: minimal", "id: broken").Replace("severity: low", "severity: hihg", StringComparison.Ordinal);
        PolicySource[] sources = [new("signals.yaml", SignalsFile), new("cot.yaml", DesignPolicy), new("broken.yaml", broken)];

        var loaded = PolicyLoader.Load(sources);
        var compiled = PolicySetCompiler.Compile(sources);

        Assert.Equal(["broken.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'hihg'"], Messages(loaded));
        Assert.Equal(["cot.yaml"], loaded.Policies.Select(p => p.File));
        Assert.Null(compiled.Set);
        Assert.Equal<Diagnostic>(loaded.Errors, compiled.Errors);
    }

    [Fact]
    public void A_broken_catalog_leaves_nothing_to_check_conditions_against()
    {
        PolicySource[] sources = [new("signals.yaml", SignalsFile.Replace("kind: score", "kind: scor", StringComparison.Ordinal)), new("cot.yaml", DesignPolicy)];

        var result = PolicyLoader.Load(sources);

        Assert.Null(result.Catalog);
        Assert.Single(result.Errors);
        Assert.Null(PolicySetCompiler.Compile(sources).Set);
    }

    [Fact]
    public void A_set_without_a_catalog_is_an_error_at_its_first_file() =>
        Assert.Equal(
            ["a.yaml:1:1: the policy set has no signal catalog: expected one file with kind: SignalCatalog, such as signals.yaml"],
            Messages(Load(("b.yaml", DesignPolicy), ("a.yaml", MinimalPolicy))));

    [Fact]
    public void A_missing_catalog_is_not_claimed_when_a_file_could_not_be_read()
    {
        var result = Load(("signals.yaml", "signals: [request\n"), ("cot.yaml", DesignPolicy));

        Assert.Equal(["signals.yaml:2:1: YAML syntax error: a '[' list is not closed: expected ',' or ']'"], Messages(result));
    }

    [Fact]
    public void A_second_catalog_is_reported_at_its_kind_naming_the_first() =>
        Assert.Equal(
            ["signals.yaml:2:7: a second signal catalog: the set already has one in base.yaml, and a set has exactly one"],
            Messages(Load(("signals.yaml", SignalsFile), ("base.yaml", SignalsFile), ("cot.yaml", DesignPolicy))));

    [Fact]
    public void An_empty_set_is_an_error_without_a_place()
    {
        var error = Assert.Single(PolicyLoader.Load([]).Errors);

        Assert.Equal(SourceSpan.None, error.At);
        Assert.Equal("the policy set has no files: expected a SignalCatalog file and policy files", error.Message);
    }

    [Fact]
    public void A_policy_id_used_twice_is_reported_at_the_second_naming_the_first() =>
        Assert.Equal(
            ["b.yaml:3:5: duplicate policy id 'distillation.cot-elicitation': already used at a.yaml:3:5"],
            Messages(Load(("signals.yaml", SignalsFile), ("b.yaml", DesignPolicy), ("a.yaml", DesignPolicy))));

    [Fact]
    public void A_duplicate_id_is_reported_even_beside_other_errors_in_its_file()
    {
        var broken = DesignPolicy.Replace("severity: high", "severity: hihg", StringComparison.Ordinal);

        Assert.Equal(
            [
                "b.yaml:3:5: duplicate policy id 'distillation.cot-elicitation': already used at a.yaml:3:5",
                "b.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'hihg'",
            ],
            Messages(Load(("signals.yaml", SignalsFile), ("a.yaml", DesignPolicy), ("b.yaml", broken))));
    }

    [Fact]
    public void Errors_are_sorted_by_file_line_and_column_whatever_the_order_of_the_files()
    {
        var second = MinimalWith("id: minimal", "id: second").Replace("owner: tests", "owner: ''", StringComparison.Ordinal);
        var first = MinimalWith("id: minimal", "id: first").Replace("title: Minimal", "title: ''", StringComparison.Ordinal) + "cooldown: soon\n";
        string[] expected =
        [
            "a.yaml:5:8: 'title' is empty: expected a short title",
            "a.yaml:12:11: 'cooldown' is not a duration: expected a number followed by s, m, h or d, like 90s or 6h",
            "b.yaml:6:8: 'owner' is empty: expected the team that owns the policy",
        ];

        Assert.Equal(expected, Messages(Load(("b.yaml", second), ("signals.yaml", SignalsFile), ("a.yaml", first))));
        Assert.Equal(expected, Messages(Load(("a.yaml", first), ("b.yaml", second), ("signals.yaml", SignalsFile))));
    }

    [Fact]
    public void A_yaml_error_in_one_file_does_not_hide_errors_in_another() =>
        Assert.Equal(
            [
                "a.yaml:1:1: the file is empty: expected a mapping with apiVersion and kind",
                "b.yaml:7:11: 'severity' must be one of low, medium, high, critical, not 'urgent'",
            ],
            Messages(Load(("signals.yaml", SignalsFile), ("a.yaml", ""), ("b.yaml", MinimalWith("severity: low", "severity: urgent")))));
}
