using CsCheck;
using Enforcement.Policy.Loading;

namespace Enforcement.Policy.Tests.Loading;

/// <summary>Whatever bytes an author or a caller sends, loading answers with errors and never throws.</summary>
public class LoaderRobustnessTests
{
    private const string YamlAlphabet = " \t\r\n:-?,[]{}#&*!|>'\"%@`\\.~0123456789abcdehkmnorsty_/\u00e9\uFEFF";

    private static void AssertAnswersWithoutThrowing(string text)
    {
        var result = PolicyFiles.LoadPolicy(text);
        Assert.True(!result.Errors.IsEmpty || result.Catalog is not null);
        var compiled = PolicySetCompiler.Compile([new("signals.yaml", PolicyFiles.SignalsFile), new("p.yaml", text)]);
        Assert.Equal(compiled.Errors.IsEmpty, compiled.Set is not null);
        Assert.All(result.Errors, e => Assert.True(e.At.File == "p.yaml" && e.At.Line >= 1 && e.At.Column >= 1, e.ToString()));
        foreach (var policy in result.Policies)
        {
            for (var i = 0; i <= policy.When.Text.Length; i++)
                Assert.True(policy.When.At(i).Line >= 1);
        }
    }

    [Fact]
    public void Random_yaml_like_text_never_throws() =>
        Gen.String[Gen.Char[YamlAlphabet], 0, 300].Sample(AssertAnswersWithoutThrowing, iter: 3_000);

    [Fact]
    public void Random_edits_of_a_valid_policy_never_throw()
    {
        var original = PolicyFiles.DesignPolicy + """
            tests:
              - name: heavy reasoning
                subject: a-1
                accounts: { a-1: { age: 3d, verified: false } }
                signals:
                  - { at: 0s, type: request, every: 10s, count: 300, attrs: { ip_prefix: 203.0.113.0/24 } }
                  - { at: 5m, type: capability, value: reasoning }
                expect:
                  - { at: 1h, state: throttle, rung: 1, rpm: 20 }

            """;
        var edit = Gen.Select(Gen.Int[0, original.Length - 1], Gen.Int[0, 2], Gen.Char[YamlAlphabet]);
        var edits = edit.Array[1, 6];

        edits.Sample(
            changes =>
            {
                var text = new System.Text.StringBuilder(original);
                foreach (var (position, operation, character) in changes)
                {
                    var at = Math.Min(position, text.Length - 1);
                    if (at < 0)
                        break;
                    _ = operation switch
                    {
                        0 => text.Remove(at, 1),
                        1 => text.Insert(at, character),
                        _ => text.Replace(text[at], character, at, 1),
                    };
                }
                AssertAnswersWithoutThrowing(text.ToString());
            },
            iter: 3_000);
    }

    [Fact]
    public void A_very_long_condition_loads()
    {
        var when = string.Join(" && ", Enumerable.Repeat("count(request, 1h) > 0", 5_000));

        var result = PolicyFiles.LoadPolicy(PolicyFiles.MinimalWith("when: count(request, 1h) > 0", "when: >\n  " + when));

        Assert.Equal(when, Assert.Single(result.Policies).When.Text);
    }

    [Fact]
    public void Many_files_with_errors_each_report_theirs()
    {
        var sources = Enumerable.Range(0, 200)
            .Select(i => new PolicySource($"p{i:D3}.yaml", PolicyFiles.MinimalWith("id: minimal", $"id: p{i}").Replace("severity: low", "severity: x", StringComparison.Ordinal)))
            .Append(new PolicySource("signals.yaml", PolicyFiles.SignalsFile));

        var result = PolicyLoader.Load(sources);

        Assert.Equal(200, result.Errors.Length);
        Assert.Equal("p000.yaml", result.Errors[0].At.File);
    }
}
