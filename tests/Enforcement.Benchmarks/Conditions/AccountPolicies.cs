using Enforcement.Policy;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// The account-scoped conditions of the shipped pack as the hand-written and RulesEngine versions encode them. Those
/// versions are transcriptions, so they must fail loudly, not measure something else, once the pack changes.
/// </summary>
internal static class AccountPolicies
{
    /// <summary>In the order of the account program (ordinal by id), which is also the bit order of every result mask.</summary>
    public static readonly (string Id, string When)[] Shipped =
    [
        ("distillation.capability-concentration",
            "count(request, 1d) >= 1000 && share(capability, \"reasoning\", 1d) + share(capability, \"coding\", 1d) + share(capability, \"tool_use\", 1d) >= 0.9 && distinct(prompt_template, 1d) <= 3 && account.age < 90d"),
        ("distillation.challenge-failures",
            "count(challenge_failed, 1d) >= 3"),
        ("distillation.cot-elicitation",
            "count(request, 1h) >= 200 && avg(cot_elicitation, 1h) >= 0.8 && account.age < 30d && !account.verified"),
        ("distillation.model-pivot",
            "count(new_model_request, 1d) >= 300 && count(new_model_request, 1d) >= 0.5 * count(request, 1d) && avg(cot_elicitation, 1d) >= 0.7 && account.age < 30d"),
        ("distillation.region-mismatch",
            "count(request, 1d) >= 300 && count(region_mismatch, 1d) >= 0.8 * count(request, 1d) && share(capability, \"reasoning\", 1d) + share(capability, \"coding\", 1d) >= 0.7"),
    ];

    public static int All => (1 << Shipped.Length) - 1;

    /// <summary>Throws unless the program holds exactly these policies with exactly these conditions (whitespace aside).</summary>
    public static void RequireShipped(ScopeProgram program)
    {
        var actual = program.Policies.Select(p => (p.Id, When: Normalized(p.Condition.Text))).ToArray();
        if (!actual.SequenceEqual(Shipped.Select(s => (s.Id, When: Normalized(s.When)))))
        {
            throw new InvalidOperationException(
                "the pack's account-scoped policies are no longer those the hand-written and RulesEngine conditions transcribe; "
                + "update Conditions/AccountPolicies.cs, HandWrittenConditions.cs and RulesEngineConditions.cs. The pack has:"
                + string.Concat(actual.Select(a => $"{Environment.NewLine}  {a.Id}: {a.When}")));
        }
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
